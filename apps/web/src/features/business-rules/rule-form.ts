import { createBusinessRuleRequestSchema, type BusinessRuleView } from "@idlife/contracts";
import type { z } from "zod";
import type { Condition } from "../../lib/idlife-core.ts";
import { fromCondition, newGroup, toCondition, type ConditionGroup } from "./condition-builder.ts";

/*
 * The rule editor's form: what was typed, as text, and its translation to the API's request.
 * Numbers stay text until sent, so a half-typed value is never lost or silently changed.
 */

export type EntitlementKind = "account" | "access" | "permission" | "dynamic-permission";

export interface EntitlementDraft {
  id: string;
  kind: EntitlementKind;
  targetSystemId: string;
  permissionId: string;
  nameTemplate: string;
  create: boolean;
}

export interface TestCaseDraft {
  id: string;
  name: string;
  personExternalId: string;
  expect: "in-scope" | "not-in-scope";
}

export interface RuleForm {
  name: string;
  description: string;
  /** Comma separated. */
  categories: string;
  condition: ConditionGroup;
  contractScope: "any" | "primary";
  entitlements: EntitlementDraft[];
  accountDaysBefore: string;
  graceDays: string;
  deleteAfterDays: string;
  testCases: TestCaseDraft[];
}

export type RuleRequest = z.input<typeof createBusinessRuleRequestSchema>;

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${++sequence}`;

export function newEntitlement(kind: EntitlementKind = "account", targetSystemId = ""): EntitlementDraft {
  return { id: nextId("entitlement"), kind, targetSystemId, permissionId: "", nameTemplate: "", create: false };
}

export function newTestCase(): TestCaseDraft {
  return { id: nextId("test-case"), name: "", personExternalId: "", expect: "in-scope" };
}

export function emptyRuleForm(): RuleForm {
  return {
    name: "",
    description: "",
    categories: "",
    condition: newGroup("all"),
    contractScope: "any",
    entitlements: [newEntitlement("account")],
    accountDaysBefore: "",
    graceDays: "",
    deleteAfterDays: "",
    testCases: [],
  };
}

const days = (text: string): number | string | undefined => {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  return Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
};

function entitlementRequest(draft: EntitlementDraft) {
  const targetSystemId = draft.targetSystemId.trim();
  if (draft.kind === "permission") return { kind: draft.kind, targetSystemId, permissionId: draft.permissionId.trim() };
  if (draft.kind === "dynamic-permission") return { kind: draft.kind, targetSystemId, nameTemplate: draft.nameTemplate, create: draft.create };
  return { kind: draft.kind, targetSystemId };
}

/** The request body for the form (create and update take the same fields). */
export function toRuleRequest(form: RuleForm): RuleRequest {
  const timing = { accountDaysBefore: days(form.accountDaysBefore), graceDays: days(form.graceDays), deleteAfterDays: days(form.deleteAfterDays) };
  const timingGiven = Object.fromEntries(Object.entries(timing).filter(([, value]) => value !== undefined));
  return {
    name: form.name.trim(),
    description: form.description,
    categories: form.categories.split(",").map((category) => category.trim()).filter(Boolean),
    definition: {
      condition: toCondition(form.condition).condition,
      contractScope: form.contractScope,
      entitlements: form.entitlements.map(entitlementRequest),
      ...(Object.keys(timingGiven).length > 0 ? { timing: timingGiven as RuleRequest["definition"]["timing"] } : {}),
    },
    testCases: form.testCases.map(({ name, personExternalId, expect }) => ({ name: name.trim(), personExternalId: personExternalId.trim(), expect })),
  };
}

/**
 * What is wrong with the form before it is sent, one line per problem with where it is
 * ("entitlements.1.targetSystemId: Invalid UUID"); the API adds what only it can know.
 */
export function requestProblems(request: RuleRequest): string[] {
  const parsed = createBusinessRuleRequestSchema.safeParse(request);
  if (parsed.success) return [];
  // The condition's own problems are shown inside the builder, by checkCondition.
  return parsed.error.issues.filter((issue) => !(issue.path[0] === "definition" && issue.path[1] === "condition")).map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

interface StoredDefinition {
  condition: Condition;
  contractScope?: "any" | "primary";
  entitlements: Array<{ kind: EntitlementKind; targetSystemId: string; permissionId?: string; nameTemplate?: string; create?: boolean }>;
  timing?: { accountDaysBefore?: number; graceDays?: number; deleteAfterDays?: number };
}

const asText = (value: number | undefined) => (value === undefined ? "" : String(value));

/** The form for a stored rule: its draft when it has one, else its published version. */
export function ruleFormOf(rule: BusinessRuleView): RuleForm {
  const version = rule.draft ?? rule.published;
  if (!version) return { ...emptyRuleForm(), name: rule.name, description: rule.description, categories: rule.categories.join(", ") };
  const definition = version.definition as unknown as StoredDefinition;
  return {
    name: rule.name,
    description: rule.description,
    categories: rule.categories.join(", "),
    condition: fromCondition(definition.condition),
    contractScope: definition.contractScope ?? "any",
    entitlements: definition.entitlements.map((entitlement) => ({
      ...newEntitlement(entitlement.kind, entitlement.targetSystemId),
      permissionId: entitlement.permissionId ?? "",
      nameTemplate: entitlement.nameTemplate ?? "",
      create: entitlement.create ?? false,
    })),
    accountDaysBefore: asText(definition.timing?.accountDaysBefore),
    graceDays: asText(definition.timing?.graceDays),
    deleteAfterDays: asText(definition.timing?.deleteAfterDays),
    testCases: version.testCases.map((testCase) => ({ ...testCase, id: nextId("test-case") })),
  };
}

/** The invalid_rule answer's problem lines (details.problems), else none. */
export function apiProblems(details: unknown): string[] {
  if (typeof details !== "object" || details === null || !("problems" in details)) return [];
  const problems = (details as { problems: unknown }).problems;
  return Array.isArray(problems) ? problems.filter((problem): problem is string => typeof problem === "string") : [];
}
