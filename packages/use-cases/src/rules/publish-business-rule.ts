import { recordAudit } from "@idlife/db";
import { UseCaseError } from "../use-case-error.ts";
import { loadRules } from "./load-rules.ts";
import { runTestCases } from "./evaluate-persons.ts";
import { findRule, lockRule, type RuleDeps } from "./rule-deps.ts";
import { tenantToday } from "./start-evaluation.ts";
import { toRuleView } from "./rule-view.ts";

/**
 * Publishes a rule's draft after its simulation was seen: the simulation must include the current
 * draft (a draft changed since must be simulated again), and every test case of the rule must pass
 * on today's data. The published version is enforced from the next evaluation on.
 */
export async function publishBusinessRule(deps: RuleDeps, input: { ruleId: string; simulationId: string }) {
  const { db } = deps;
  const { tenantId } = db;
  const { rule, draft, simulation } = await db.run(async (tx) => {
    const rule = await lockRule(tx, tenantId, input.ruleId);
    const draft = rule.versions.find((version) => version.state === "draft");
    if (!draft) throw new UseCaseError(409, "no_draft", `The rule '${rule.name}' has no draft to publish.`);
    const simulation = await tx.evaluation.findFirst({ where: { id: input.simulationId, tenantId, mode: "simulation" } });
    if (!simulation || simulation.status !== "completed" || !simulation.draftVersionIds.includes(draft.id)) {
      throw new UseCaseError(409, "simulation_required", `Simulate the current draft of '${rule.name}' first and confirm its diff: the simulation given does not include it (or has not finished).`);
    }
    return { rule, draft, simulation };
  });
  const today = await db.run((tx) => tenantToday(tx, tenantId));
  const { rules } = await db.run((tx) => loadRules(tx, tenantId, [draft.id]));
  const outcomes = await runTestCases(db, rules.filter((loaded) => loaded.versionId === draft.id), today);
  const failed = outcomes.filter((outcome) => !outcome.passed);
  if (failed.length > 0) {
    throw new UseCaseError(409, "test_cases_failed", `The draft breaks ${failed.length} test case(s) of '${rule.name}': ${failed.map((outcome) => `${outcome.name} (${outcome.message})`).join("; ")}. Nothing was published.`, { testCases: outcomes });
  }
  return db.run(async (tx) => {
    const current = await lockRule(tx, tenantId, rule.id);
    if (current.versions.find((version) => version.state === "draft")?.id !== draft.id) throw new UseCaseError(409, "simulation_required", `The draft of '${rule.name}' changed meanwhile; simulate it again.`);
    const before = toRuleView(rule);
    await tx.businessRuleVersion.updateMany({ where: { tenantId, ruleId: rule.id, state: "published" }, data: { state: "superseded" } });
    await tx.businessRuleVersion.update({ where: { id: draft.id }, data: { state: "published", publishedAt: new Date(), publishedBy: deps.actorId ?? null } });
    await tx.businessRule.update({ where: { id: rule.id }, data: { updatedAt: new Date() } });
    const view = toRuleView(await findRule(tx, tenantId, rule.id));
    await recordAudit(tx, { tenantId, action: "business_rule.publish", targetType: "business_rule", targetId: rule.id, targetLabel: rule.name, before, after: { ...view, simulationId: simulation.id, simulationCounts: simulation.counts } });
    return view;
  });
}
