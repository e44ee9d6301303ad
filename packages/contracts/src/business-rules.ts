import { z } from "zod";
import { conditionSchema } from "@idlife/core";
import { targetSystemReferenceShape } from "./target-systems.ts";

/*
 * Business rules: a condition (typed, nested AND / OR / NOT, checked by packages/core) and the
 * entitlements it grants, in the target systems' vocabulary. Drafts are simulated on live data
 * and published after the diff was seen; only published rules are enforced.
 */

export const ruleEntitlementSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("account"), targetSystemId: z.uuid() }),
  z.strictObject({ kind: z.literal("access"), targetSystemId: z.uuid() }),
  z.strictObject({ kind: z.literal("permission"), targetSystemId: z.uuid(), permissionId: z.uuid() }),
  z.strictObject({
    kind: z.literal("dynamic-permission"),
    targetSystemId: z.uuid(),
    /** "school-{Contract.Location.ExternalId}-staff": contract fields in braces. */
    nameTemplate: z.string().trim().min(1).max(300),
    /** Create the permission in the target when it does not exist (where the connector can). */
    create: z.boolean().default(false),
  }),
]);

export const lifecycleTimingSchema = z.strictObject({
  accountDaysBefore: z.number().int().min(0).max(365).optional(),
  graceDays: z.number().int().min(0).max(365).optional(),
  deleteAfterDays: z.number().int().min(0).max(3650).optional(),
});

export const ruleDefinitionSchema = z.strictObject({
  condition: conditionSchema,
  /** "any": a person is in scope through any contract; "primary": through the primary contract only. */
  contractScope: z.enum(["any", "primary"]).default("any"),
  entitlements: z.array(ruleEntitlementSchema).min(1).max(50),
  timing: lifecycleTimingSchema.optional(),
});
export type RuleDefinitionInput = z.input<typeof ruleDefinitionSchema>;

/** "This person must be in scope", "that one must not": run on every simulation, and a publish that breaks one is refused. */
export const ruleTestCaseSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  personExternalId: z.string().trim().min(1).max(200),
  expect: z.enum(["in-scope", "not-in-scope"]),
});

export const createBusinessRuleRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  description: z.string().max(2_000).default(""),
  categories: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  definition: ruleDefinitionSchema,
  testCases: z.array(ruleTestCaseSchema).max(50).default([]),
});

/** Changes the rule's draft (made from the published version when there is none). */
export const updateBusinessRuleRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  description: z.string().max(2_000).optional(),
  categories: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  definition: ruleDefinitionSchema.optional(),
  testCases: z.array(ruleTestCaseSchema).max(50).optional(),
});

export const ruleVersionSchema = z.object({
  id: z.uuid(),
  version: z.number(),
  state: z.enum(["draft", "published", "superseded"]),
  definition: z.record(z.string(), z.unknown()),
  testCases: z.array(ruleTestCaseSchema),
  createdAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
});

export const businessRuleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  categories: z.array(z.string()),
  draft: ruleVersionSchema.nullable(),
  published: ruleVersionSchema.nullable(),
  updatedAt: z.iso.datetime(),
});
export type BusinessRuleView = z.infer<typeof businessRuleSchema>;

export const startEvaluationRequestSchema = z.strictObject({
  /** "simulation": drafts in place of their rules' published versions; nothing is enforced. */
  mode: z.enum(["published", "simulation"]).default("published"),
  /** Simulation: which drafts (default: every draft). */
  draftVersionIds: z.array(z.uuid()).max(500).optional(),
  /** Only these persons (default: everyone). */
  personIds: z.array(z.uuid()).max(1_000).optional(),
  /** The day to evaluate for (default: today in the tenant's time zone). */
  today: z.iso.date().optional(),
  /** Published mode: enforce the plan as soon as it is computed (through the safety thresholds). */
  enforce: z.boolean().default(false),
});

export const decideBlockedRequestSchema = z.strictObject({
  decision: z.enum(["approve", "discard"]),
  /** Only this target system's blocked changes (default: all of the evaluation's). */
  targetSystemId: z.uuid().optional(),
});

export const enforcementSchema = z.object({
  enforced: z.number(),
  blocked: z.array(z.object({ targetSystemId: z.uuid(), key: z.string(), reason: z.string() })),
});

export const testCaseOutcomeSchema = z.object({
  ruleId: z.uuid(),
  ruleName: z.string(),
  name: z.string(),
  personExternalId: z.string(),
  expect: z.enum(["in-scope", "not-in-scope"]),
  passed: z.boolean(),
  message: z.string(),
});

export const evaluationSchema = z.object({
  id: z.uuid(),
  mode: z.enum(["published", "simulation"]),
  trigger: z.string(),
  status: z.enum(["queued", "running", "completed", "failed"]),
  draftVersionIds: z.array(z.uuid()),
  everyone: z.boolean(),
  enforce: z.boolean(),
  today: z.iso.date(),
  counts: z.object({
    persons: z.number().optional(),
    changes: z.number().optional(),
    grants: z.number().optional(),
    revokes: z.number().optional(),
    byKind: z.record(z.string(), z.number()).optional(),
    testCases: z.array(testCaseOutcomeSchema).optional(),
  }).loose(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

export const evaluationChangeSchema = z.object({
  personId: z.uuid(),
  personName: z.string(),
  ...targetSystemReferenceShape,
  type: z.enum(["account", "access", "permission"]),
  action: z.enum(["grant", "revoke"]),
  permission: z.object({ id: z.string().optional(), name: z.string().optional(), create: z.boolean().optional() }).nullable(),
  reasons: z.array(z.object({ ruleId: z.string(), ruleName: z.string(), contracts: z.array(z.string()) })),
  why: z.string(),
  state: z.string(),
  blockReason: z.string().nullable(),
});

/** Where a planned change stands: planned, held at a threshold (then approved or discarded), enforced, failed. */
export const evaluationChangeStates = ["planned", "blocked", "approved", "discarded", "enforced", "failed"] as const;

export const evaluationChangesQuerySchema = z.strictObject({
  personId: z.uuid().optional(),
  state: z.enum(evaluationChangeStates).optional(),
  action: z.enum(["grant", "revoke"]).optional(),
  type: z.enum(["account", "access", "permission"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const publishBusinessRuleRequestSchema = z.strictObject({
  /** The simulation whose diff the administrator confirmed; it must include this rule's current draft. */
  simulationId: z.uuid(),
});

/** "Why does this person have X, and why not Y": per rule, in scope or not, and the failed conditions. */
export const personRulesReportSchema = z.object({
  personId: z.uuid(),
  today: z.iso.date(),
  excluded: z.boolean(),
  held: z.boolean(),
  rules: z.array(
    z.object({
      ruleId: z.uuid(),
      ruleName: z.string(),
      inScope: z.boolean(),
      contracts: z.array(
        z.object({
          contract: z.string().nullable(),
          inScope: z.boolean(),
          failed: z.array(z.object({ path: z.string(), text: z.string(), actual: z.unknown() })),
        }),
      ),
      entitlements: z.array(z.record(z.string(), z.unknown())),
    }),
  ),
});
