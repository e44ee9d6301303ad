import { describe, expect, it } from "vitest";
import {
  PersonSchema,
  checkThreshold,
  compileRules,
  desiredState,
  diffEntitlements,
  nextStageChange,
  lifecycleStage,
  type BusinessRuleDefinition,
  type CurrentEntitlements,
  type PersonInput,
} from "../../src/index.ts";

const AD = "ad-system";
const STAFF: BusinessRuleDefinition = {
  id: "rule-staff",
  name: "Employees of a school",
  contractScope: "any",
  condition: { kind: "field", field: "Contract.Location.ExternalId", operator: "startsWith", value: "SCH-" },
  entitlements: [
    { kind: "account", targetSystemId: AD },
    { kind: "access", targetSystemId: AD },
    { kind: "dynamic-permission", targetSystemId: AD, nameTemplate: "school-{Contract.Location.ExternalId}-staff", create: true },
  ],
  timing: { accountDaysBefore: 14, graceDays: 0, deleteAfterDays: 30 },
};

const person = (contracts: PersonInput["Contracts"]) => PersonSchema.parse({ ExternalId: "1001", Contracts: contracts });
const nothing: CurrentEntitlements = { accounts: new Map(), permissions: [] };
const flags = { excluded: false, held: false };

function plan(contracts: PersonInput["Contracts"], today: string, current: CurrentEntitlements = nothing, personFlags = flags) {
  const state = desiredState(person(contracts), compileRules([STAFF], today), { today });
  return diffEntitlements(state.desired, current, personFlags).map((change) => `${change.action} ${change.type}${change.permission ? ` ${change.permission.name ?? change.permission.id}` : ""}`);
}

describe("evaluation: desired entitlements and the plan", () => {
  it("grants the account, access and the school's group, in that order", () => {
    expect(plan([{ ExternalId: "c1", StartDate: "2026-01-01", Location: { ExternalId: "SCH-X" } }], "2026-12-04")).toEqual(["grant account", "grant access", "grant permission school-SCH-X-staff"]);
  });

  it("on a move to another school grants the new school's group before revoking the old one", () => {
    const current: CurrentEntitlements = { accounts: new Map([[AD, { enabled: true }]]), permissions: [{ targetSystemId: AD, permissionId: "g-x", name: "school-SCH-X-staff" }] };
    const moved = [
      { ExternalId: "c1", StartDate: "2020-01-01", EndDate: "2026-11-30", Location: { ExternalId: "SCH-X" } },
      { ExternalId: "c2", StartDate: "2026-12-01", Location: { ExternalId: "SCH-Y" } },
    ];
    expect(plan(moved, "2026-12-04", current)).toEqual(["grant permission school-SCH-Y-staff", "revoke permission school-SCH-X-staff"]);
  });

  it("follows the contract's life: account 14 days early, access on the first day, disabled at the end, deleted 30 days later", () => {
    const contract = [{ ExternalId: "c1", StartDate: "2026-12-18", EndDate: "2027-06-30", Location: { ExternalId: "SCH-X" } }];
    expect(plan(contract, "2026-12-03")).toEqual([]);
    expect(plan(contract, "2026-12-04")).toEqual(["grant account"]);
    const created: CurrentEntitlements = { accounts: new Map([[AD, { enabled: false }]]), permissions: [] };
    expect(plan(contract, "2026-12-17", created)).toEqual([]);
    expect(plan(contract, "2026-12-18", created)).toEqual(["grant access", "grant permission school-SCH-X-staff"]);
    const working: CurrentEntitlements = { accounts: new Map([[AD, { enabled: true }]]), permissions: [{ targetSystemId: AD, permissionId: "g-x", name: "school-SCH-X-staff" }] };
    expect(plan(contract, "2027-06-30", working)).toEqual([]);
    expect(plan(contract, "2027-07-01", working)).toEqual(["revoke permission school-SCH-X-staff", "revoke access"]);
    const disabled: CurrentEntitlements = { accounts: new Map([[AD, { enabled: false }]]), permissions: [] };
    expect(plan(contract, "2027-07-30", disabled)).toEqual([]);
    expect(plan(contract, "2027-07-31", disabled)).toEqual(["revoke account"]);
    // An extension before the end: nothing is revoked on the old end date.
    const extended = [{ ...contract[0]!, EndDate: "2028-06-30" }];
    expect(plan(extended, "2027-07-01", working)).toEqual([]);
  });

  it("gives a returning person the old account back: enabled with the right group, never a second account", () => {
    const returned = [
      { ExternalId: "c1", StartDate: "2020-01-01", EndDate: "2026-06-30", Location: { ExternalId: "SCH-X" } },
      { ExternalId: "c2", StartDate: "2026-12-01", Location: { ExternalId: "SCH-Y" } },
    ];
    const kept: CurrentEntitlements = { accounts: new Map([[AD, { enabled: false }]]), permissions: [] };
    expect(plan(returned, "2026-12-04", kept)).toEqual(["grant access", "grant permission school-SCH-Y-staff"]);
  });

  it("leaves an excluded person exactly as they are, and a held person without access and without new grants", () => {
    const current: CurrentEntitlements = { accounts: new Map([[AD, { enabled: true }]]), permissions: [{ targetSystemId: AD, permissionId: "g-x", name: "school-SCH-X-staff" }] };
    const otherSchool = [{ ExternalId: "c2", StartDate: "2026-01-01", Location: { ExternalId: "SCH-Y" } }];
    expect(plan(otherSchool, "2026-12-04", current, { excluded: true, held: false })).toEqual([]);
    expect(plan(otherSchool, "2026-12-04", current, { excluded: false, held: true })).toEqual(["revoke access"]);
    expect(plan(otherSchool, "2026-12-04", { accounts: new Map(), permissions: [] }, { excluded: false, held: true })).toEqual([]);
  });

  it("names the rules and contracts behind each grant", () => {
    const state = desiredState(person([{ ExternalId: "c1", StartDate: "2026-01-01", Location: { ExternalId: "SCH-X" } }]), compileRules([STAFF], "2026-12-04"), { today: "2026-12-04" });
    const group = [...state.desired.values()].find((entitlement) => entitlement.type === "permission");
    expect(group?.reasons).toEqual([{ ruleId: "rule-staff", ruleName: "Employees of a school", contracts: ["c1"] }]);
    expect(state.rules).toEqual([{ ruleId: "rule-staff", inScope: true, contracts: ["c1"] }]);
  });

  it("tells the next day on which a person's entitlements change, for the daily tick", () => {
    const timing = { accountDaysBefore: 14, graceDays: 7, deleteAfterDays: 30 };
    const stage = lifecycleStage([{ StartDate: "2026-12-18", EndDate: "2027-06-30" }], timing, "2026-12-04");
    expect(stage).toMatchObject({ account: true, access: false });
    expect(nextStageChange(stage, timing, "2026-12-04")).toBe("2026-12-18");
    expect(nextStageChange(stage, timing, "2026-12-18")).toBe("2027-07-08");
  });
});

describe("safety thresholds", () => {
  it("block a mass revoke, and a revoke spread over two runs within the window", () => {
    const limit = { percent: 10 };
    expect(checkThreshold({ key: "revoke:account", planned: 60, doneInWindow: 0, grantedNow: 100, limit }).blocked).toBe(true);
    expect(checkThreshold({ key: "revoke:account", planned: 8, doneInWindow: 0, grantedNow: 100, limit }).blocked).toBe(false);
    const second = checkThreshold({ key: "revoke:account", planned: 8, doneInWindow: 8, grantedNow: 92, limit });
    expect(second.blocked).toBe(true);
    expect(second.reason).toContain("8 within the window");
  });

  it("count only when nothing is granted yet, so a new system's first grants are limited by count alone", () => {
    expect(checkThreshold({ key: "grant:account", planned: 500, doneInWindow: 0, grantedNow: 0, limit: { percent: 10 } }).blocked).toBe(false);
    expect(checkThreshold({ key: "grant:account", planned: 500, doneInWindow: 0, grantedNow: 0, limit: { count: 100 } }).blocked).toBe(true);
  });
});
