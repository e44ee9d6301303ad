import type { z } from "zod";
import { updateBusinessRuleRequestSchema } from "@idlife/contracts";
import { recordAudit } from "@idlife/db";
import { parseInput } from "../tenant-scope.ts";
import { nameTaken } from "../use-case-error.ts";
import { checkRuleDefinition, type RuleDefinition } from "./check-rule-definition.ts";
import { findRule, lockRule, type RuleDeps } from "./rule-deps.ts";
import { toRuleView } from "./rule-view.ts";

/**
 * Changes a rule's name and description at once, and its definition and test cases in its draft:
 * the published version stays enforced until the draft is published.
 */
export async function updateBusinessRule(deps: RuleDeps, input: { ruleId: string; changes: z.input<typeof updateBusinessRuleRequestSchema> }) {
  const changes = parseInput(updateBusinessRuleRequestSchema, input.changes);
  const { tenantId } = deps.db;
  return deps.db.run(async (tx) => {
    const rule = await lockRule(tx, tenantId, input.ruleId);
    const before = toRuleView(rule);
    if (changes.name && changes.name !== rule.name && (await tx.businessRule.findFirst({ where: { tenantId, name: changes.name } }))) throw nameTaken("business rule", changes.name);
    if (changes.definition) await checkRuleDefinition(tx, tenantId, changes.definition);
    await tx.businessRule.update({
      where: { id: rule.id },
      data: { ...(changes.name ? { name: changes.name } : {}), ...(changes.description !== undefined ? { description: changes.description } : {}), ...(changes.categories ? { categories: changes.categories } : {}) },
    });
    if (changes.definition || changes.testCases) {
      const draft = rule.versions.find((version) => version.state === "draft");
      const published = rule.versions.find((version) => version.state === "published");
      const definition = (changes.definition ?? (draft ?? published)?.definition) as RuleDefinition;
      const testCases = changes.testCases ?? ((draft ?? published)?.testCases as object[]) ?? [];
      // A changed draft is a new version row (a new id): a simulation of the earlier draft no
      // longer counts for publishing it.
      if (draft) await tx.businessRuleVersion.delete({ where: { id: draft.id } });
      const latest = await tx.businessRuleVersion.aggregate({ where: { ruleId: rule.id }, _max: { version: true } });
      const version = draft?.version ?? (latest._max.version ?? 0) + 1;
      await tx.businessRuleVersion.create({ data: { tenantId, ruleId: rule.id, version, state: "draft", definition: definition as object, testCases, createdBy: deps.actorId ?? null } });
    }
    const view = toRuleView(await findRule(tx, tenantId, rule.id));
    await recordAudit(tx, { tenantId, action: "business_rule.update", targetType: "business_rule", targetId: rule.id, targetLabel: view.name, before, after: view });
    return view;
  });
}
