import { describe, expect, it } from "vitest";
import { canAssignRole, narrowScopesToRole, scopesWithinRole, roleAllows, scopesAllow } from "../src/index.ts";

describe("role permissions", () => {
  it("lets an auditor read and read the audit log but never write", () => {
    expect(roleAllows("auditor", "read")).toBe(true);
    expect(roleAllows("auditor", "audit")).toBe(true);
    for (const permission of ["operate", "configure", "administer"] as const) {
      expect(roleAllows("auditor", permission)).toBe(false);
    }
  });

  it("lets an operator operate but not change configuration or see the audit log", () => {
    expect(roleAllows("operator", "operate")).toBe(true);
    expect(roleAllows("operator", "configure")).toBe(false);
    expect(roleAllows("operator", "administer")).toBe(false);
    expect(roleAllows("operator", "audit")).toBe(false);
  });

  it("gives API key scopes increasing power", () => {
    expect(scopesAllow(["read"], "configure")).toBe(false);
    expect(scopesAllow(["read"], "audit")).toBe(false);
    expect(scopesAllow(["write"], "audit")).toBe(false);
    expect(scopesAllow(["admin"], "audit")).toBe(true);
    expect(scopesAllow(["write"], "configure")).toBe(true);
    expect(scopesAllow(["write"], "administer")).toBe(false);
    expect(scopesAllow(["read", "admin"], "administer")).toBe(true);
    expect(scopesAllow([], "read")).toBe(false);
  });

  it("only lets owners make owners", () => {
    expect(canAssignRole("admin", "owner")).toBe(false);
    expect(canAssignRole("owner", "owner")).toBe(true);
    expect(canAssignRole("admin", "operator")).toBe(true);
    expect(canAssignRole("operator", "auditor")).toBe(false);
  });

  it("lets a role keep only the key scopes whose permissions it holds", () => {
    expect(scopesWithinRole("owner")).toEqual(["read", "write", "admin"]);
    expect(scopesWithinRole("admin")).toEqual(["read", "write", "admin"]);
    expect(scopesWithinRole("operator")).toEqual(["read"]);
    expect(scopesWithinRole("auditor")).toEqual(["read"]);
    expect(narrowScopesToRole(["admin"], "operator")).toEqual(["read"]);
    expect(narrowScopesToRole(["write"], "auditor")).toEqual(["read"]);
    expect(narrowScopesToRole(["read", "write"], "admin")).toEqual(["read", "write"]);
    expect(narrowScopesToRole(["write"], "owner")).toEqual(["write"]);
    expect(narrowScopesToRole(["read"], "auditor")).toEqual(["read"]);
    expect(narrowScopesToRole([], "owner")).toEqual([]);
  });
});
