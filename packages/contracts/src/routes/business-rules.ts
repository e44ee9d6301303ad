import { z } from "zod";
import {
  businessRuleSchema,
  createBusinessRuleRequestSchema,
  decideBlockedRequestSchema,
  enforcementSchema,
  evaluationChangeSchema,
  evaluationChangesQuerySchema,
  evaluationSchema,
  personRulesReportSchema,
  publishBusinessRuleRequestSchema,
  startEvaluationRequestSchema,
  updateBusinessRuleRequestSchema,
} from "../business-rules.ts";
import { idParamsSchema } from "../common.ts";
import { defineRoute, defineRoutes } from "./define-route.ts";

export const businessRuleRoutes = defineRoutes(["Business rules"], {
  list: defineRoute({ method: "GET", path: "/business-rules", summary: "Business rules with their draft and published versions", response: z.array(businessRuleSchema) }),
  get: defineRoute({ method: "GET", path: "/business-rules/:id", summary: "One business rule", params: idParamsSchema, response: businessRuleSchema }),
  create: defineRoute({
    method: "POST", path: "/business-rules",
    summary: "Write a rule (as a draft: simulate it, then publish it); refused with the reasons when a field, type or target system is wrong",
    body: createBusinessRuleRequestSchema, response: businessRuleSchema,
  }),
  update: defineRoute({
    method: "PATCH", path: "/business-rules/:id",
    summary: "Change a rule's draft (the published version stays enforced until the draft is published)",
    params: idParamsSchema, body: updateBusinessRuleRequestSchema, response: businessRuleSchema,
  }),
  remove: defineRoute({ method: "DELETE", path: "/business-rules/:id", summary: "Remove a rule (the next evaluation revokes what no other rule grants)", params: idParamsSchema }),
  publish: defineRoute({
    method: "POST", path: "/business-rules/:id/publish",
    summary: "Publish the draft after its simulation was confirmed; refused when a test case fails",
    params: idParamsSchema, body: publishBusinessRuleRequestSchema, response: businessRuleSchema,
  }),
});

export const evaluationRoutes = defineRoutes(["Evaluations"], {
  start: defineRoute({
    method: "POST", path: "/evaluations",
    summary: "Evaluate the published rules (or simulate drafts) for everyone or the persons named: the plan, changing nothing",
    body: startEvaluationRequestSchema, response: evaluationSchema,
  }),
  list: defineRoute({ method: "GET", path: "/evaluations", summary: "Recent evaluations and simulations", response: z.array(evaluationSchema) }),
  get: defineRoute({ method: "GET", path: "/evaluations/:id", summary: "One evaluation with its counts and test-case outcomes", params: idParamsSchema, response: evaluationSchema }),
  changes: defineRoute({
    method: "GET", path: "/evaluations/:id/changes",
    summary: "The plan: who gains and who loses what, with the rules behind each grant",
    params: idParamsSchema, query: evaluationChangesQuerySchema, response: z.array(evaluationChangeSchema),
  }),
  enforce: defineRoute({
    method: "POST", path: "/evaluations/:id/enforce",
    summary: "Enforce a completed evaluation of the published rules: changes over a safety threshold are blocked, the rest become target actions",
    params: idParamsSchema, response: enforcementSchema,
  }),
  decideBlocked: defineRoute({
    method: "POST", path: "/evaluations/:id/blocked",
    summary: "Approve (once) or discard the changes a safety threshold blocked",
    params: idParamsSchema, body: decideBlockedRequestSchema, response: z.object({ decided: z.number(), decision: z.enum(["approve", "discard"]) }),
  }),
  revokeNow: defineRoute({
    method: "POST", path: "/persons/:id/revoke-now",
    summary: "Revoke now: disable the person's accounts in every target at once and hold them out of re-grants until the hold is lifted",
    params: idParamsSchema, body: z.strictObject({ reason: z.string().max(500) }), response: z.object({ held: z.boolean(), accountsDisabled: z.number() }),
  }),
  liftHold: defineRoute({
    method: "DELETE", path: "/persons/:id/hold",
    summary: "Lift a 'revoke now' hold; the person is evaluated and enforced again",
    params: idParamsSchema, response: evaluationSchema,
  }),
  personRules: defineRoute({
    method: "GET", path: "/persons/:id/rules",
    summary: "Why a person is or is not in each rule's scope: the failed conditions and their values",
    params: idParamsSchema, query: z.strictObject({ today: z.iso.date().optional() }), response: personRulesReportSchema,
  }),
});
