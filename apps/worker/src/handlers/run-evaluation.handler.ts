import { Inject, Injectable } from "@nestjs/common";
import { asTenantId, type Prisma } from "@idlife/db";
import type { JobPayload } from "@idlife/jobs";
import { evaluatePersons, tenantScope } from "@idlife/use-cases";
import { HandlesJob, type JobHandler } from "../job-handler.ts";
import { PRISMA } from "../tokens.ts";

@Injectable()
@HandlesJob("evaluation.run")
export class RunEvaluationHandler implements JobHandler<"evaluation.run"> {
  constructor(@Inject(PRISMA) private readonly prisma: Prisma) {}

  async handle(payload: JobPayload<"evaluation.run">) {
    const db = tenantScope(this.prisma, asTenantId(payload.tenantId));
    try {
      await evaluatePersons({ db }, { evaluationId: payload.evaluationId });
    } catch (error) {
      await db.run((tx) => tx.evaluation.updateMany({ where: { id: payload.evaluationId, status: { not: "completed" } }, data: { status: "failed", error: (error as Error).message.slice(0, 2_000), finishedAt: new Date() } }));
      throw error;
    }
  }
}
