import { describe, expect, it } from "vitest";
import { definitionToRows, emptyRow, fieldGroups, mappableFields, parseFixedValue, rowsToDefinition, rowsToRules } from "./mapping-rows.ts";

describe("rows and mappings", () => {
  const stored = {
    person: {
      "Name.FamilyName": { type: "field" as const, path: "Achternaam", required: true },
      ExternalId: { type: "field" as const, path: "Id", required: true },
      "Custom.Badge": { type: "fixed" as const, value: "B-1" },
      "Name.NickName": { type: "complex" as const, script: "return source.Roepnaam.toUpperCase();" },
    },
    contract: { "Details.Fte": { type: "fixed" as const, value: 1 } },
  };

  it("lists rows in person-model order with custom fields last, and round-trips", () => {
    const rows = definitionToRows(stored);
    expect(rows.person.map((row) => row.field)).toEqual(["ExternalId", "Name.NickName", "Name.FamilyName", "Custom.Badge"]);
    expect(rows.contract[0]).toMatchObject({ field: "Details.Fte", type: "fixed", value: "1" });
    const { definition, problems } = rowsToDefinition(rows, undefined);
    expect(problems).toEqual([]);
    expect(definition).toEqual(stored);
  });

  it("keeps the department tab it cannot edit", () => {
    const field = (path: string) => ({ type: "field" as const, path });
    const department = { ExternalId: field("Code"), DisplayName: field("Naam"), ManagerExternalId: field("Manager"), ParentExternalId: field("Parent") };
    expect(rowsToDefinition(definitionToRows(stored), department).definition.department).toBe(department);
  });

  it("explains rows the API would refuse", () => {
    const rows = [
      emptyRow(),
      { ...emptyRow("Name.GivenName"), path: "" },
      { ...emptyRow("Name.Nickname"), path: "x" },
      { ...emptyRow("ExternalId"), path: "Id" },
      { ...emptyRow("ExternalId"), path: "Nummer" },
      { ...emptyRow("Name.Initials"), type: "complex" as const, script: "  " },
    ];
    const messages = rowsToRules("person", rows).problems.map((problem) => problem.message);
    expect(messages).toEqual([
      "Choose the target field, or remove the row",
      "Name the source field to copy into Name.GivenName",
      "“Name.Nickname” is not a person field; custom fields are named Custom.<name>",
      "ExternalId is mapped twice; keep one row",
      "Write the script that returns Name.Initials",
    ]);
  });
});

describe("parseFixedValue", () => {
  it("gives the value the type of its field", () => {
    expect(parseFixedValue("contract", "Details.Fte", "0,8")).toEqual({ ok: true, value: 0.8 });
    expect(parseFixedValue("person", "Excluded", "true")).toEqual({ ok: true, value: true });
    expect(parseFixedValue("person", "Name.Convention", "B")).toEqual({ ok: true, value: "B" });
    expect(parseFixedValue("person", "Name.GivenName", "")).toEqual({ ok: true, value: null });
    expect(parseFixedValue("contract", "Details.Fte", "full").ok).toBe(false);
    expect(parseFixedValue("contract", "StartDate", "1-8-2026").ok).toBe(false);
  });
});

describe("fieldGroups", () => {
  it("offers every mappable field exactly once, grouped", () => {
    const groups = fieldGroups("person");
    expect(groups[0]?.label).toBe("General");
    expect(groups.flatMap((group) => group.fields).sort()).toEqual([...mappableFields.person].sort());
  });
});
