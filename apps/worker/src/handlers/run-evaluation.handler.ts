import { Inject, Injectable } from "@nestjs/common";
import { asTenantId, type Prisma } from "@idlife/db";
import type { JobPayload, JobProducer } from "@idlife/jobs";
import { enforceEvaluation, evaluatePersons, tenantScope } from "@idlife/use-cases";
import { HandlesJob, type JobHandler } from "../job-handler.ts";
import { JOB_PRODUCER, PRISMA } from "../tokens.ts";

@Injectable()
@HandlesJob("evaluation.run")
export class RunEvaluationHandler implements JobHandler<"evaluation.run"> {
  constructor(
    @Inject(PRISMA) private readonly prisma: Prisma,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {}

  async handle(payload: JobPayload<"evaluation.run">) {
    const db = tenantScope(this.prisma, asTenantId(payload.tenantId));
    try {
      const evaluation = await evaluatePersons({ db }, { evaluationId: payload.evaluationId });
      // Evaluate-and-enforce (after an import, a push, the daily tick, or asked so): the plan goes
      // through the safety thresholds into the work tables. An enforced change is never enforced
      // twice: only planned changes are taken.
      if (evaluation.enforce && evaluation.mode === "published") await enforceEvaluation({ db, jobs: this.jobs }, { evaluationId: evaluation.id });
    } catch (error) {
      await db.run((tx) => tx.evaluation.updateMany({ where: { id: payload.evaluationId, status: { not: "completed" } }, data: { status: "failed", error: (error as Error).message.slice(0, 2_000), finishedAt: new Date() } }));
      throw error;
    }
  }
}
