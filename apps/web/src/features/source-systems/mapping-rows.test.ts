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
    const { definition, problems } = rowsToDefinition(rows);
    expect(problems).toEqual([]);
    expect(definition).toEqual(stored);
  });

  it("edits the department tab: four field copies or fixed values, ExternalId first", () => {
    const field = (path: string) => ({ type: "field" as const, path });
    const department = { ExternalId: field("Code"), DisplayName: field("Naam"), ManagerExternalId: field("Manager"), ParentExternalId: field("Parent") };
    const rows = definitionToRows({ ...stored, department });
    expect(rows.department.map((row) => [row.field, row.type, row.path])).toEqual([
      ["ExternalId", "field", "Code"],
      ["DisplayName", "field", "Naam"],
      ["ParentExternalId", "field", "Parent"],
      ["ManagerExternalId", "field", "Manager"],
    ]);
    expect(rowsToDefinition(rows).definition.department).toEqual(department);
    // Nothing mapped: no department part at all.
    expect(rowsToDefinition(definitionToRows(stored)).definition).not.toHaveProperty("department");
    const withoutKey = rows.department.map((row) => (row.field === "ExternalId" ? { ...row, type: "none" as const } : row));
    expect(rowsToDefinition({ ...rows, department: withoutKey }).problems).toEqual([{ tab: "department", rowKey: "ExternalId", message: expect.stringMatching(/^Map ExternalId too/) }]);
    const emptyPath = rows.department.map((row) => (row.field === "ManagerExternalId" ? { ...row, path: " " } : row));
    expect(rowsToDefinition({ ...rows, department: emptyPath }).problems.map((problem) => problem.rowKey)).toEqual(["ManagerExternalId"]);
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
