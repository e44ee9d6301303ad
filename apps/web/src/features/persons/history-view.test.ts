import { describe, expect, it } from "vitest";
import type { PersonHistoryEntry } from "./api/person-queries.ts";
import { describeHistoryField, groupHistory, historyRows, historyValue } from "./history-view.ts";

const entry = (id: string, field: string, at: string, cause: PersonHistoryEntry["cause"] = "import"): PersonHistoryEntry => ({
  id,
  field,
  kind: "changed",
  oldValue: "a",
  newValue: "b",
  cause,
  importId: cause === "import" ? "i-1" : null,
  at,
});

describe("groupHistory", () => {
  it("groups the changes of one moment and cause", () => {
    const groups = groupHistory([
      entry("3", "Name.FamilyName", "2026-11-22T10:00:00.000Z"),
      entry("2", "DisplayName", "2026-11-22T10:00:00.000Z"),
      entry("1", "Name.NickName", "2026-11-22T09:00:00.000Z", "configuration"),
    ]);
    expect(groups.map((group) => [group.cause, group.entries.map((item) => item.field)])).toEqual([
      ["import", ["Name.FamilyName", "DisplayName"]],
      ["configuration", ["Name.NickName"]],
    ]);
  });
});

describe("history fields and values", () => {
  it("reads contract paths and values", () => {
    expect(describeHistoryField("Contracts[C-1].Title.Name")).toBe("Contract C-1 · Title.Name");
    expect(describeHistoryField("Contracts[C-1]")).toBe("Contract C-1");
    expect(describeHistoryField("Name.FamilyName")).toBe("Name.FamilyName");
    expect(describeHistoryField("*")).toBe("Person");
    expect(historyValue({ ExternalId: "C-1" })).toBe('{"ExternalId":"C-1"}');
    expect(historyValue(null)).toBe("");
    expect(historyValue(0.8)).toBe("0.8");
  });
});

describe("historyRows", () => {
  const at = "2026-11-22T10:00:00.000Z";
  it("lists each field of an added person or contract with its value", () => {
    const added = { ...entry("7", "Contracts[C-1]", at), kind: "added", oldValue: null, newValue: { ExternalId: "C-1", Title: { Name: "Leerkracht" }, StartDate: "2026-08-01", EndDate: null } };
    expect(historyRows(added).map((row) => [row.field, row.oldValue, row.newValue])).toEqual([
      ["Contract C-1 · ExternalId", null, "C-1"],
      ["Contract C-1 · Title.Name", null, "Leerkracht"],
      ["Contract C-1 · StartDate", null, "2026-08-01"],
    ]);
    const person = { ...entry("8", "Person", at), kind: "added", oldValue: null, newValue: { ExternalId: "1001", DisplayName: "Jan de Vries" } };
    expect(historyRows(person).map((row) => [row.field, row.newValue])).toEqual([
      ["Person · ExternalId", "1001"],
      ["Person · DisplayName", "Jan de Vries"],
    ]);
  });

  it("keeps a scalar change as one line, and shows only what differs between two objects", () => {
    expect(historyRows(entry("1", "Name.FamilyName", at)).map((row) => [row.field, row.oldValue, row.newValue])).toEqual([["Name.FamilyName", "a", "b"]]);
    const merged = { ...entry("9", "Person", at), oldValue: { ExternalId: "1", DisplayName: "Jan" }, newValue: { ExternalId: "1", DisplayName: "Jan de Vries" } };
    expect(historyRows(merged).map((row) => [row.field, row.oldValue, row.newValue])).toEqual([["Person · DisplayName", "Jan", "Jan de Vries"]]);
  });
});
