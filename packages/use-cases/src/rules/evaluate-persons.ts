import { compileRules, decideScope, desiredState, diffEntitlements, type PlannedChange } from "@idlife/core";
import type { TenantScope } from "../tenant-scope.ts";
import { notFound } from "../use-case-error.ts";
import { loadRules, type LoadedRule } from "./load-rules.ts";
import { loadEvaluatedPersons, type EvaluatedPerson } from "./person-entitlements.ts";

const BATCH = 2_000;

export interface TestCaseOutcome {
  ruleId: string;
  ruleName: string;
  name: string;
  personExternalId: string;
  expect: "in-scope" | "not-in-scope";
  passed: boolean;
  message: string;
}

/** Runs the rules' test cases ("this person must be in scope") against the live persons. */
export async function runTestCases(db: TenantScope, rules: readonly LoadedRule[], today: string): Promise<TestCaseOutcome[]> {
  const cases = rules.flatMap((rule) => rule.testCases.map((testCase) => ({ rule, testCase })));
  if (cases.length === 0) return [];
  const compiled = new Map(compileRules(rules.map((rule) => rule.definition), today).map((entry) => [entry.definition.id, entry]));
  const externalIds = [...new Set(cases.map(({ testCase }) => testCase.personExternalId))];
  const persons = await db.run(async (tx) => {
    const rows = await tx.person.findMany({ where: { tenantId: db.tenantId, externalId: { in: externalIds } }, select: { id: true } });
    return loadEvaluatedPersons(tx, db.tenantId, { ids: rows.map((row) => row.id) });
  });
  const byExternalId = new Map(persons.map((person) => [person.externalId, person]));
  return cases.map(({ rule, testCase }) => {
    const base = { ruleId: rule.definition.id, ruleName: rule.definition.name, name: testCase.name, personExternalId: testCase.personExternalId, expect: testCase.expect };
    const person = byExternalId.get(testCase.personExternalId);
    if (!person) return { ...base, passed: false, message: `no person with ExternalId ${testCase.personExternalId}` };
    const scope = decideScope(compiled.get(rule.definition.id)!.test, person.person, rule.definition.contractScope, person.primaryContractId);
    const passed = scope.inScope === (testCase.expect === "in-scope");
    return { ...base, passed, message: `${person.displayName} is ${scope.inScope ? "in" : "not in"} scope${passed ? "" : `, expected ${testCase.expect}`}` };
  });
}

/**
 * Evaluates an evaluation row: what the rules want for every person (or the listed ones) against
 * what they hold, stored as the plan of changes with the rules behind each. Changes nothing in any
 * target. Persons are read in batches, so a 100,000-person tenant never sits in memory at once.
 */
export async function evaluatePersons(deps: { db: TenantScope; onProgress?: (done: number) => void }, input: { evaluationId: string }) {
  const { db } = deps;
  const { tenantId } = db;
  const evaluation = await db.run((tx) => tx.evaluation.findFirst({ where: { id: input.evaluationId, tenantId } }));
  if (!evaluation) throw notFound("Evaluation");
  if (evaluation.status === "completed") return evaluation;
  const today = evaluation.today.toISOString().slice(0, 10);
  await db.run((tx) => tx.evaluation.update({ where: { id: evaluation.id }, data: { status: "running" } }));
  // A retried job starts over: the changes of an earlier attempt go.
  await db.run((tx) => tx.evaluationChange.deleteMany({ where: { tenantId, evaluationId: evaluation.id } }));
  const { rules, problems } = await db.run((tx) => loadRules(tx, tenantId, evaluation.draftVersionIds));
  const compiled = compileRules(rules.map((rule) => rule.definition), today);
  const byKind: Record<string, number> = {};
  let persons = 0;
  let changes = 0;
  const record = async (batch: EvaluatedPerson[]) => {
    const rows = batch.flatMap((person) => {
      const state = desiredState(person.person, compiled, { today, primaryContractId: person.primaryContractId });
      return diffEntitlements(state.desired, person.current, person).map((change) => changeRow(evaluation.id, tenantId, person.id, change));
    });
    for (const row of rows) byKind[`${row.action}:${row.type}`] = (byKind[`${row.action}:${row.type}`] ?? 0) + 1;
    // One statement with the batch as one JSON parameter: building tens of thousands of rows
    // through the ORM costs more than deciding them.
    if (rows.length > 0) {
      await db.run((tx) => tx.$executeRaw`
        INSERT INTO evaluation_changes (tenant_id, evaluation_id, person_id, target_system_id, type, action, permission, reasons, why, step)
        SELECT tenant_id, evaluation_id, person_id, target_system_id, type, action, permission, reasons, why, step
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS change(tenant_id uuid, evaluation_id uuid, person_id uuid, target_system_id uuid, type text, action text, permission jsonb, reasons jsonb, why text, step int)`);
    }
    persons += batch.length;
    changes += rows.length;
    deps.onProgress?.(persons);
  };
  if (evaluation.everyone) {
    let afterId: string | undefined;
    for (;;) {
      const batch = await db.run((tx) => loadEvaluatedPersons(tx, tenantId, { afterId, take: BATCH }));
      if (batch.length === 0) break;
      await record(batch);
      afterId = batch[batch.length - 1]!.id;
    }
  } else {
    for (let index = 0; index < evaluation.personIds.length; index += BATCH) {
      await record(await db.run((tx) => loadEvaluatedPersons(tx, tenantId, { ids: evaluation.personIds.slice(index, index + BATCH) })));
    }
  }
  const testCases = await runTestCases(db, rules, today);
  const grants = Object.entries(byKind).filter(([kind]) => kind.startsWith("grant:")).reduce((sum, [, count]) => sum + count, 0);
  return db.run((tx) =>
    tx.evaluation.update({
      where: { id: evaluation.id },
      data: { status: "completed", finishedAt: new Date(), counts: { persons, changes, grants, revokes: changes - grants, byKind, testCases: testCases as object[], problems } },
    }),
  );
}

function changeRow(evaluationId: string, tenantId: string, personId: string, change: PlannedChange) {
  return {
    tenant_id: tenantId,
    evaluation_id: evaluationId,
    person_id: personId,
    target_system_id: change.targetSystemId,
    type: change.type,
    action: change.action,
    permission: change.permission ?? null,
    reasons: change.reasons,
    why: change.why,
    step: change.step,
  };
}
