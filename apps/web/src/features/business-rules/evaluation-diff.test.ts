import { describe, expect, it } from "vitest";
import { changesTotal, diffRows } from "./evaluation-diff.ts";

describe("a simulation's diff counts", () => {
  const byKind = { "grant:account": 2, "grant:permission": 3, "revoke:permission": 1 };

  it("show grants and revokes per entitlement type, zero where nothing changes", () => {
    expect(diffRows(byKind)).toEqual([
      { type: "account", grants: 2, revokes: 0 },
      { type: "access", grants: 0, revokes: 0 },
      { type: "permission", grants: 3, revokes: 1 },
    ]);
  });

  it("count the changes a filter of the table holds, for its pager", () => {
    expect(changesTotal(byKind, { action: undefined, type: undefined })).toBe(6);
    expect(changesTotal(byKind, { action: "grant", type: undefined })).toBe(5);
    expect(changesTotal(byKind, { action: "revoke", type: "permission" })).toBe(1);
    expect(changesTotal(undefined, { action: "grant", type: "access" })).toBe(0);
  });
});
