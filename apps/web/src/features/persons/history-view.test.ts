import { describe, expect, it } from "vitest";
import type { PersonHistoryEntry } from "./api/person-queries.ts";
import { describeHistoryField, groupHistory, historyValue } from "./history-view.ts";

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
