import { describe, expect, it } from "vitest";
import { fieldLabel, groupPersonFields } from "./person-fields.ts";

const ingrid = {
  ExternalId: "100001",
  DisplayName: "Ingrid Bosman",
  Name: { NickName: "Ingrid", FamilyName: "Bosman", FamilyNamePrefix: null, Convention: "B" },
  Details: { BirthDate: "1968-04-17" },
  Contact: { Business: { Email: "ingrid.bosman@soor.example", Phone: { Mobile: "" } }, Personal: { Address: { Street: "Nieuwstraat" } } },
  Custom: { Badge: "B-17", Empty: null },
  Contracts: [],
};

describe("groupPersonFields", () => {
  it("groups filled fields in model order, with Personal and Custom only when present", () => {
    const groups = groupPersonFields(ingrid);
    expect(groups.map((group) => group.title)).toEqual([
      "General",
      "Name",
      "Details",
      "Contact · Business",
      "Contact · Personal",
      "Location",
      "Custom fields",
    ]);
    expect(groups.find((group) => group.id === "Name")?.rows.map((row) => [row.label, row.value])).toEqual([
      ["Nick name", "Ingrid"],
      ["Family name", "Bosman"],
      ["Convention", "B"],
    ]);
    expect(groups.find((group) => group.id === "Custom")?.rows).toEqual([{ path: "Custom.Badge", label: "Badge", value: "B-17" }]);
    expect(groups.find((group) => group.id === "Location")?.rows).toEqual([]);
  });

  it("leaves Personal and Custom out when they hold nothing", () => {
    const ids = groupPersonFields({ ExternalId: "1", Contact: { Personal: { Email: null } } }).map((group) => group.id);
    expect(ids).not.toContain("Contact.Personal");
    expect(ids).not.toContain("Custom");
  });
});

describe("fieldLabel", () => {
  it("reads nested contact fields naturally", () => {
    expect(fieldLabel("Contact.Business.Phone.Mobile", "Contact.Business")).toBe("Phone (mobile)");
    expect(fieldLabel("Contact.Personal.Address.HouseNumber", "Contact.Personal")).toBe("Address (house number)");
    expect(fieldLabel("ExternalId", "General")).toBe("External id");
  });
});
