import type { BusinessRuleView } from "@idlife/contracts";
import { describe, expect, it } from "vitest";
import { newGroup, newRow } from "./condition-builder.ts";
import { apiProblems, emptyRuleForm, newEntitlement, requestProblems, ruleFormOf, toRuleRequest, type RuleForm } from "./rule-form.ts";

const SYSTEM = "3f1c2d9e-8a7b-4c6d-9e0f-1a2b3c4d5e6f";
const GROUP = "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d";

function schoolForm(): RuleForm {
  return {
    ...emptyRuleForm(),
    name: " Staff of school X ",
    categories: "staff, , school X",
    condition: newGroup("all", [{ ...newRow("Contract.Department.ExternalId"), value: "SCH1" }]),
    contractScope: "primary",
    entitlements: [
      newEntitlement("account", SYSTEM),
      { ...newEntitlement("permission", SYSTEM), permissionId: GROUP },
      { ...newEntitlement("dynamic-permission", SYSTEM), nameTemplate: "school-{Contract.Location.ExternalId}-staff", create: true },
    ],
    accountDaysBefore: "14",
    graceDays: "",
    deleteAfterDays: "30",
    testCases: [{ id: "t", name: "a teacher", personExternalId: " 1001 ", expect: "in-scope" }],
  };
}

describe("the rule form", () => {
  it("sends what was typed as the API's request: trimmed, categories split, only the timing given, entitlements by kind", () => {
    const request = toRuleRequest(schoolForm());
    expect(request).toEqual({
      name: "Staff of school X",
      description: "",
      categories: ["staff", "school X"],
      definition: {
        condition: { kind: "all", conditions: [{ kind: "field", field: "Contract.Department.ExternalId", operator: "equals", value: "SCH1" }] },
        contractScope: "primary",
        entitlements: [
          { kind: "account", targetSystemId: SYSTEM },
          { kind: "permission", targetSystemId: SYSTEM, permissionId: GROUP },
          { kind: "dynamic-permission", targetSystemId: SYSTEM, nameTemplate: "school-{Contract.Location.ExternalId}-staff", create: true },
        ],
        timing: { accountDaysBefore: 14, deleteAfterDays: 30 },
      },
      testCases: [{ name: "a teacher", personExternalId: "1001", expect: "in-scope" }],
    });
    expect(requestProblems(request)).toEqual([]);
  });

  it("names each problem the form can see before sending, with where it is", () => {
    const form = { ...schoolForm(), name: "", accountDaysBefore: "400", entitlements: [newEntitlement("account", "not-an-id")] };
    const problems = requestProblems(toRuleRequest(form));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^name: /), expect.stringMatching(/^definition\.entitlements\.0\.targetSystemId: /), expect.stringMatching(/^definition\.timing\.accountDaysBefore: /)]));
  });

  it("opens a stored rule's draft for editing and sends it back unchanged", () => {
    const request = toRuleRequest(schoolForm());
    const version = { id: GROUP, version: 2, state: "draft" as const, definition: request.definition as Record<string, unknown>, testCases: request.testCases!, createdAt: "2026-12-04T10:00:00.000Z", publishedAt: null };
    const rule: BusinessRuleView = { id: SYSTEM, name: request.name, description: "", categories: request.categories!, draft: version, published: null, updatedAt: version.createdAt };
    expect(toRuleRequest(ruleFormOf(rule))).toEqual(request);
  });

  it("reads the API's invalid_rule problem lines, and nothing from any other answer", () => {
    expect(apiProblems({ problems: ["entitlements.1: the target system x does not exist (any more)"] })).toEqual(["entitlements.1: the target system x does not exist (any more)"]);
    expect(apiProblems(undefined)).toEqual([]);
    expect(apiProblems({ problems: "not a list" })).toEqual([]);
  });
});
