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
import { collectionRoutes } from "./collection-routes.ts";
import { defineRoutes, route } from "./define-route.ts";

const decidedSchema = z.object({ decided: z.number(), decision: z.enum(["approve", "discard"]) });
const revokeNowRequestSchema = z.strictObject({ reason: z.string().max(500) });
const revokedNowSchema = z.object({ held: z.boolean(), accountsDisabled: z.number() });
const personRulesQuerySchema = z.strictObject({ today: z.iso.date().optional() });

export const businessRuleRoutes = defineRoutes(["Business rules"], {
  ...collectionRoutes("/business-rules", businessRuleSchema, {
    list: "Business rules with their draft and published versions",
    get: "One business rule",
    create: ["Write a rule (as a draft: simulate it, then publish it); refused with the reasons when a field, type or target system is wrong", createBusinessRuleRequestSchema],
    update: ["Change a rule's draft (the published version stays enforced until the draft is published)", updateBusinessRuleRequestSchema],
    remove: "Remove a rule (the next evaluation revokes what no other rule grants)",
  }),
  publish: route.post("/business-rules/:id/publish", "Publish the draft after its simulation was confirmed; refused when a test case fails", { body: publishBusinessRuleRequestSchema, response: businessRuleSchema }),
});

export const evaluationRoutes = defineRoutes(["Evaluations"], {
  start: route.post("/evaluations", "Evaluate the published rules (or simulate drafts) for everyone or the persons named: the plan, changing nothing", { body: startEvaluationRequestSchema, response: evaluationSchema }),
  list: route.get("/evaluations", "Recent evaluations and simulations", { response: z.array(evaluationSchema) }),
  get: route.get("/evaluations/:id", "One evaluation with its counts and test-case outcomes", { response: evaluationSchema }),
  changes: route.get("/evaluations/:id/changes", "The plan: who gains and who loses what, with the rules behind each grant", { query: evaluationChangesQuerySchema, response: z.array(evaluationChangeSchema) }),
  enforce: route.post("/evaluations/:id/enforce", "Enforce a completed evaluation of the published rules: changes over a safety threshold are blocked, the rest become target actions", { response: enforcementSchema }),
  decideBlocked: route.post("/evaluations/:id/blocked", "Approve (once) or discard the changes a safety threshold blocked", { body: decideBlockedRequestSchema, response: decidedSchema }),
  revokeNow: route.post("/persons/:id/revoke-now", "Revoke now: disable the person's accounts in every target at once and hold them out of re-grants until the hold is lifted", { body: revokeNowRequestSchema, response: revokedNowSchema }),
  liftHold: route.delete("/persons/:id/hold", "Lift a 'revoke now' hold; the person is evaluated and enforced again", { response: evaluationSchema }),
  personRules: route.get("/persons/:id/rules", "Why a person is or is not in each rule's scope: the failed conditions and their values", { query: personRulesQuerySchema, response: personRulesReportSchema }),
});
