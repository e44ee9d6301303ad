import { recordAudit } from "@idlife/db";
import { findRule, type RuleDeps } from "./rule-deps.ts";
import { toRuleView } from "./rule-view.ts";

/**
 * Removes a rule. Entitlements it granted are not revoked here: the next evaluation revokes what no
 * other rule grants (through the safety thresholds), so a removal can be simulated first.
 */
export async function deleteBusinessRule(deps: RuleDeps, input: { ruleId: string }) {
  const { tenantId } = deps.db;
  await deps.db.run(async (tx) => {
    const rule = await findRule(tx, tenantId, input.ruleId);
    await tx.businessRule.delete({ where: { id: rule.id } });
    await recordAudit(tx, { tenantId, action: "business_rule.delete", targetType: "business_rule", targetId: rule.id, targetLabel: rule.name, before: toRuleView(rule) });
  });
}
