import type { z } from "zod";
import { createBusinessRuleRequestSchema } from "@idlife/contracts";
import { recordAudit } from "@idlife/db";
import { parseInput } from "../tenant-scope.ts";
import { nameTaken } from "../use-case-error.ts";
import { checkRuleDefinition } from "./check-rule-definition.ts";
import { findRule, type RuleDeps } from "./rule-deps.ts";
import { toRuleView } from "./rule-view.ts";

/** A new rule starts as a draft: simulated, then published; nothing is enforced before. */
export async function createBusinessRule(deps: RuleDeps, input: z.input<typeof createBusinessRuleRequestSchema>) {
  const body = parseInput(createBusinessRuleRequestSchema, input);
  const { tenantId } = deps.db;
  return deps.db.run(async (tx) => {
    await checkRuleDefinition(tx, tenantId, body.definition);
    if (await tx.businessRule.findFirst({ where: { tenantId, name: body.name } })) throw nameTaken("business rule", body.name);
    const rule = await tx.businessRule.create({ data: { tenantId, name: body.name, description: body.description, categories: body.categories } });
    await tx.businessRuleVersion.create({
      data: { tenantId, ruleId: rule.id, version: 1, state: "draft", definition: body.definition as object, testCases: body.testCases, createdBy: deps.actorId ?? null },
    });
    const view = toRuleView(await findRule(tx, tenantId, rule.id));
    await recordAudit(tx, { tenantId, action: "business_rule.create", targetType: "business_rule", targetId: rule.id, targetLabel: rule.name, after: view });
    return view;
  });
}
