import { asTenantId } from "@idlife/db";
import { enforceEvaluation, evaluatePersons, tenantScope } from "@idlife/use-cases";
import { jobHandler } from "../job-handler.ts";

export const RunEvaluationHandler = jobHandler("evaluation.run", "Evaluation", async ({ prisma, producer }, payload) => {
  const db = tenantScope(prisma, asTenantId(payload.tenantId));
  try {
    const evaluation = await evaluatePersons({ db }, { evaluationId: payload.evaluationId });
    // Evaluate-and-enforce (after an import, a push, the daily tick, or asked so): the plan goes
    // through the safety thresholds into the work tables. An enforced change is never enforced
    // twice: only planned changes are taken.
    if (evaluation.enforce && evaluation.mode === "published") await enforceEvaluation({ db, jobs: producer }, { evaluationId: evaluation.id });
  } catch (error) {
    await db.run((tx) => tx.evaluation.updateMany({ where: { id: payload.evaluationId, status: { not: "completed" } }, data: { status: "failed", error: (error as Error).message.slice(0, 2_000), finishedAt: new Date() } }));
    throw error;
  }
});
