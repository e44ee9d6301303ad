import { describe, expect, it } from "vitest";
import { mapDepartment } from "../src/imports/map-departments.ts";

describe("department mapping", () => {
  const entry = { sourceKey: "30RC00", record: { Code: " 30rc00 ", Naam: "  bs de regenboog ", Manager: "M", Boven: "" } };

  it("runs the Department tab's transforms like the person tabs do", () => {
    const mapped = mapDepartment(entry, {
      department: {
        ExternalId: { type: "field", path: "Code", transforms: [{ type: "trim" }, { type: "case", to: "upper" }] },
        DisplayName: { type: "field", path: "Naam", transforms: [{ type: "trim" }, { type: "case", to: "title" }] },
        ManagerExternalId: { type: "field", path: "Manager", transforms: [{ type: "lookup", entries: [["M", "1001"]], unknown: "block" }] },
        ParentExternalId: { type: "field", path: "Boven" },
      },
    });
    expect(mapped).toEqual({ ExternalId: "30RC00", DisplayName: "Bs De Regenboog", ManagerExternalId: "1001", ParentExternalId: null });
  });

  it("keeps the delivered text when a transform refuses a value, and never reads inherited properties", () => {
    const mapped = mapDepartment(entry, {
      department: {
        ExternalId: { type: "field", path: "Code" },
        DisplayName: { type: "field", path: "constructor" },
        ManagerExternalId: { type: "field", path: "Manager", transforms: [{ type: "lookup", entries: [["X", "1"]], unknown: "block" }] },
      },
    });
    expect(mapped).toMatchObject({ ExternalId: " 30rc00 ", DisplayName: "30RC00", ManagerExternalId: "M" });
  });
});
