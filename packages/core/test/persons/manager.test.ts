import { describe, expect, it } from "vitest";
import { DEFAULT_MANAGER_OPTIONS, resolveManager, type Department, type ManagerOptions } from "../../src/index.ts";

// School board -> school -> team; the board has a director, the school a principal, the team none.
const departments = new Map<string, Department>([
  ["BOARD", { ExternalId: "BOARD", ManagerExternalId: "director" }],
  ["SCHOOL", { ExternalId: "SCHOOL", ManagerExternalId: "principal", ParentExternalId: "BOARD" }],
  ["TEAM", { ExternalId: "TEAM", ManagerExternalId: null, ParentExternalId: "SCHOOL" }],
  ["ORPHAN", { ExternalId: "ORPHAN", ParentExternalId: "GONE" }],
  ["LOOP-A", { ExternalId: "LOOP-A", ParentExternalId: "LOOP-B" }],
  ["LOOP-B", { ExternalId: "LOOP-B", ParentExternalId: "LOOP-A" }],
  ["SELF", { ExternalId: "SELF", ParentExternalId: "SELF" }],
]);

const inDepartment = (id: string | null, manager?: string) => ({
  Department: id === null ? null : { ExternalId: id },
  Manager: manager === undefined ? undefined : { ExternalId: manager },
});

const department: ManagerOptions = { source: "department", walkUpWhenMissingOrSelf: true };
const departmentNoWalk: ManagerOptions = { source: "department", walkUpWhenMissingOrSelf: false };
const contract: ManagerOptions = { source: "contract", walkUpWhenMissingOrSelf: true };
const contractNoWalk: ManagerOptions = { source: "contract", walkUpWhenMissingOrSelf: false };

const teacher = { ExternalId: "teacher" };

describe("resolveManager from the contract", () => {
  it("takes the contract's manager", () => {
    expect(resolveManager(teacher, inDepartment("TEAM", "boss"), departments, contract)).toBe("boss");
    expect(resolveManager(teacher, inDepartment(null, "boss"), departments, contractNoWalk)).toBe("boss");
  });

  it("falls back to the department tree when the contract has no manager and walking up is on", () => {
    expect(resolveManager(teacher, inDepartment("TEAM"), departments, contract)).toBe("principal");
    expect(resolveManager(teacher, inDepartment("TEAM", "  "), departments, contract)).toBe("principal");
  });

  it("gives null without a contract manager when walking up is off", () => {
    expect(resolveManager(teacher, inDepartment("SCHOOL"), departments, contractNoWalk)).toBeNull();
  });

  it("never names the person as their own manager", () => {
    const principal = { ExternalId: "principal" };
    expect(resolveManager(principal, inDepartment("SCHOOL", "principal"), departments, contract)).toBe("director");
    expect(resolveManager(principal, inDepartment("SCHOOL", "principal"), departments, contractNoWalk)).toBeNull();
  });

  it("is the default: contract first, then the tree", () => {
    expect(DEFAULT_MANAGER_OPTIONS).toEqual(contract);
  });
});

describe("resolveManager from the department", () => {
  it("takes the department's manager, ignoring the contract's", () => {
    expect(resolveManager(teacher, inDepartment("SCHOOL", "boss"), departments, department)).toBe("principal");
  });

  it("walks up when the department has no manager", () => {
    expect(resolveManager(teacher, inDepartment("TEAM"), departments, department)).toBe("principal");
    expect(resolveManager(teacher, inDepartment("TEAM"), departments, departmentNoWalk)).toBeNull();
  });

  it("walks up past a department the person manages themself", () => {
    expect(resolveManager({ ExternalId: "principal" }, inDepartment("TEAM"), departments, department)).toBe("director");
    expect(resolveManager({ ExternalId: "principal" }, inDepartment("SCHOOL"), departments, departmentNoWalk)).toBeNull();
  });

  it("gives null at the top of the tree", () => {
    expect(resolveManager({ ExternalId: "director" }, inDepartment("BOARD"), departments, department)).toBeNull();
  });

  it("stops at an unknown department or parent", () => {
    expect(resolveManager(teacher, inDepartment("UNKNOWN"), departments, department)).toBeNull();
    expect(resolveManager(teacher, inDepartment("ORPHAN"), departments, department)).toBeNull();
    expect(resolveManager(teacher, inDepartment(null), departments, department)).toBeNull();
  });

  it("survives cycles in the department tree", () => {
    expect(resolveManager(teacher, inDepartment("LOOP-A"), departments, department)).toBeNull();
    expect(resolveManager(teacher, inDepartment("SELF"), departments, department)).toBeNull();
  });

  it("accepts a plain record as well as a Map, without reading inherited properties", () => {
    const record = Object.fromEntries(departments);
    expect(resolveManager(teacher, inDepartment("TEAM"), record, department)).toBe("principal");
    expect(resolveManager(teacher, inDepartment("constructor"), record, department)).toBeNull();
  });

  it("gives null without a primary contract", () => {
    expect(resolveManager(teacher, null, departments, department)).toBeNull();
    expect(resolveManager(teacher, undefined, departments, contract)).toBeNull();
  });
});
