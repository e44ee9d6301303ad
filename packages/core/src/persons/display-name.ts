import type { PersonName } from "./person-model.ts";

function words(...parts: (string | null | undefined)[]): string {
  return parts
    .map((part) => part?.trim() ?? "")
    .filter((part) => part.length > 0)
    .join(" ")
    .replace(/\s+/g, " ");
}

/**
 * The name a person is called by, from Name.Convention (HelloID's naming conventions):
 * - B:  birth name                    "Jan de Vries"
 * - P:  partner name                  "Jan Jansen"
 * - BP: birth name - partner name     "Anna van den Berg - de Jong"
 * - PB: partner name - birth name     "Anna de Jong - van den Berg"
 * The first name is the nick name (what colleagues use), else the given name, else the initials.
 * Prefixes keep the case the source delivers: Dutch writes "de Vries" after a first name.
 * When a convention asks for a partner name that is not there, the birth name is used, so a
 * person is never shown as only a first name because a partner field was left empty.
 */
export function displayName(name: PersonName | null | undefined): string {
  if (!name) return "";
  const firstName = [name.NickName, name.GivenName, name.Initials]
    .map((part) => part?.trim() ?? "")
    .find((part) => part.length > 0);
  // A prefix alone ("de") is not a name; it only shows together with its family name.
  const birthName = name.FamilyName?.trim() ? words(name.FamilyNamePrefix, name.FamilyName) : "";
  const partnerName = name.FamilyNamePartner?.trim()
    ? words(name.FamilyNamePartnerPrefix, name.FamilyNamePartner)
    : "";

  let familyNames: string[];
  if (!partnerName) familyNames = [birthName];
  else if (name.Convention === "P") familyNames = [partnerName];
  else if (name.Convention === "BP") familyNames = [birthName, partnerName];
  else if (name.Convention === "PB") familyNames = [partnerName, birthName];
  else familyNames = [birthName];

  // A missing birth name must not leave a dangling " - ".
  const familyName = familyNames.filter((part) => part.length > 0).join(" - ");
  return words(firstName, familyName);
}
