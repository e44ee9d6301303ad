import { describe, expect, it } from "vitest";
import { decidedDisplayName, displayName, type PersonName } from "../../src/index.ts";

const anna: PersonName = {
  GivenName: "Anna",
  FamilyNamePrefix: "van den",
  FamilyName: "Berg",
  FamilyNamePartnerPrefix: "de",
  FamilyNamePartner: "Jong",
};

describe("displayName", () => {
  it("uses the birth name for B and when no convention is set", () => {
    expect(displayName({ GivenName: "Jan", FamilyNamePrefix: "de", FamilyName: "Vries", Convention: "B" })).toBe("Jan de Vries");
    expect(displayName({ GivenName: "Jan", FamilyNamePrefix: "de", FamilyName: "Vries" })).toBe("Jan de Vries");
    expect(displayName({ ...anna, Convention: null })).toBe("Anna van den Berg");
  });

  it("builds P, BP and PB from the partner name", () => {
    expect(displayName({ ...anna, Convention: "P" })).toBe("Anna de Jong");
    expect(displayName({ ...anna, Convention: "BP" })).toBe("Anna van den Berg - de Jong");
    expect(displayName({ ...anna, Convention: "PB" })).toBe("Anna de Jong - van den Berg");
  });

  it("prefers the nick name, then the given name, then the initials", () => {
    expect(displayName({ Initials: "J.H.", GivenName: "Johannes", NickName: "Hans", FamilyName: "Bakker" })).toBe("Hans Bakker");
    expect(displayName({ Initials: "J.H.", GivenName: "Johannes", NickName: "  ", FamilyName: "Bakker" })).toBe("Johannes Bakker");
    expect(displayName({ Initials: "J.H.", GivenName: null, FamilyName: "Bakker" })).toBe("J.H. Bakker");
  });

  it("falls back to the birth name when a partner convention has no partner name", () => {
    const fatima: PersonName = { GivenName: "Fatima", FamilyName: "El Amrani", FamilyNamePartnerPrefix: "van" };
    for (const convention of ["P", "BP", "PB"] as const) {
      expect(displayName({ ...fatima, Convention: convention })).toBe("Fatima El Amrani");
    }
  });

  it("shows only the partner name when the birth name is missing", () => {
    const name: PersonName = { GivenName: "Eva", FamilyNamePartnerPrefix: "de", FamilyNamePartner: "Wit" };
    expect(displayName({ ...name, Convention: "BP" })).toBe("Eva de Wit");
    expect(displayName({ ...name, Convention: "PB" })).toBe("Eva de Wit");
  });

  it("drops a prefix without its family name", () => {
    expect(displayName({ GivenName: "Piet", FamilyNamePrefix: "van" })).toBe("Piet");
  });

  it("collapses whitespace and keeps the case the source delivers", () => {
    expect(displayName({ GivenName: "  Jan ", FamilyNamePrefix: " van  der ", FamilyName: " Berg  " })).toBe("Jan van der Berg");
    expect(displayName({ GivenName: "Kees", FamilyNamePrefix: "Van", FamilyName: "Dijk" })).toBe("Kees Van Dijk");
  });

  it("returns an empty string when there is nothing to show", () => {
    expect(displayName(undefined)).toBe("");
    expect(displayName(null)).toBe("");
    expect(displayName({})).toBe("");
    expect(displayName({ FamilyName: "Visser" })).toBe("Visser");
  });
});

describe("decidedDisplayName (the tenant's name convention)", () => {
  const derived = { Name: anna, DisplayName: "Anna van den Berg" };

  it("re-derives a derived display name with the tenant's convention when the source gives none", () => {
    expect(decidedDisplayName(derived, "PB")).toBe("Anna de Jong - van den Berg");
    expect(decidedDisplayName(derived, "P")).toBe("Anna de Jong");
    expect(decidedDisplayName(derived)).toBe("Anna van den Berg");
  });

  it("keeps the source's own convention and a display name the mapping filled itself", () => {
    expect(decidedDisplayName({ Name: { ...anna, Convention: "BP" }, DisplayName: "Anna van den Berg - de Jong" }, "P")).toBe("Anna van den Berg - de Jong");
    expect(decidedDisplayName({ Name: anna, DisplayName: "Juf Anna" }, "PB")).toBe("Juf Anna");
    expect(decidedDisplayName({ Name: null, DisplayName: " Juf Anna " }, "PB")).toBe("Juf Anna");
  });
});
