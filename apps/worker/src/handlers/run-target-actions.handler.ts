import { Inject, Injectable } from "@nestjs/common";
import { connectorFetch } from "@idlife/connectors";
import type { Prisma } from "@idlife/db";
import type { JobPayload, JobProducer } from "@idlife/jobs";
import { HandlesJob, type JobHandler } from "../job-handler.ts";
import { runTargetActions } from "../targets/run-target-actions.ts";
import { JOB_PRODUCER, PRISMA, WORKER_CONFIG } from "../tokens.ts";
import type { WorkerConfig } from "../worker-config.ts";

@Injectable()
@HandlesJob("target.run-actions")
export class RunTargetActionsHandler implements JobHandler<"target.run-actions"> {
  constructor(
    @Inject(PRISMA) private readonly prisma: Prisma,
    @Inject(JOB_PRODUCER) private readonly producer: JobProducer,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  handle(payload: JobPayload<"target.run-actions">) {
    return runTargetActions(
      {
        prisma: this.prisma,
        secretsKey: this.config.secretsKey,
        jobs: this.producer,
        fetch: connectorFetch(this.config.CONNECTOR_PRIVATE_NETWORKS),
        // One run per system is active at a time, so a running row older than the job's lock belongs to a dead worker.
        staleAfterMs: this.config.queues.enforce.lockDurationMs,
        busyPolicy: this.config.targetBusyPolicy,
      },
      payload,
    );
  }
}
