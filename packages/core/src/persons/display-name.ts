import type { NameConvention, PersonName } from "./person-model.ts";

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

/**
 * A decided person's display name: a DisplayName the mapping filled itself is kept; one derived
 * from Name (equal to what displayName() gives) is derived again with the tenant's convention
 * when the source gives none, so changing the tenant's convention renames those persons.
 */
export function decidedDisplayName(person: { DisplayName?: string | null; Name?: PersonName | null }, tenantConvention?: NameConvention): string {
  const mapped = person.DisplayName?.trim() ?? "";
  const derived = displayName(person.Name);
  if (mapped && mapped !== derived) return mapped;
  if (!person.Name || person.Name.Convention || !tenantConvention) return derived || mapped;
  return displayName({ ...person.Name, Convention: tenantConvention }) || mapped;
}
