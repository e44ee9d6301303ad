import { describe, expect, it } from "vitest";
import { auditDiff } from "./audit-diff.ts";

describe("auditDiff", () => {
  it("lines up before and after field by field and marks what changed", () => {
    const rows = auditDiff(
      { name: "HR export", enabled: true, settings: { layout: "single", persons: { delimiter: ";" } }, secretsSet: [] },
      { name: "HR export (payroll)", enabled: true, settings: { layout: "single", persons: { delimiter: "," } }, secretsSet: ["auth.token"] },
    );
    expect(rows.map((row) => [row.path, row.changed])).toEqual([
      ["name", true],
      ["enabled", false],
      ["settings.layout", false],
      ["settings.persons.delimiter", true],
      ["secretsSet", true],
    ]);
  });

  it("shows fields only on one side as added or removed", () => {
    expect(auditDiff(null, { role: "auditor" })).toEqual([{ path: "role", before: undefined, after: "auditor", changed: true }]);
    expect(auditDiff({ revokedAt: null }, { revokedAt: "2026-12-04T10:00:00.000Z" })).toEqual([
      { path: "revokedAt", before: null, after: "2026-12-04T10:00:00.000Z", changed: true },
    ]);
    expect(auditDiff("a", "b")).toEqual([{ path: "(value)", before: "a", after: "b", changed: true }]);
  });
});
