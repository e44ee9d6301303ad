import { jobHandler } from "../job-handler.ts";
import { runDailyEvaluations } from "../rules/daily-evaluation.ts";

export const DailyEvaluationHandler = jobHandler("evaluation.daily", "DailyEvaluation", async ({ prisma, producer, logger }, payload) => {
  const started = await runDailyEvaluations({ prisma, jobs: producer, ...(payload.at ? { now: new Date(payload.at) } : {}) });
  for (const run of started) logger.log(`Daily evaluation ${run.evaluationId} of tenant ${run.tenantId} for ${run.today}`);
  return { started: started.length };
});
