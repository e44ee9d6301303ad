import { Inject, Injectable } from "@nestjs/common";
import { asTenantId, type Prisma } from "@idlife/db";
import type { JobPayload, JobProducer } from "@idlife/jobs";
import { evaluateChangedPersons } from "../snapshots/evaluate-changed-persons.ts";
import { remapSources } from "../imports/remap-sources.ts";
import { HandlesJob, type JobHandler } from "../job-handler.ts";
import { runSnapshot } from "../snapshots/run-snapshot.ts";
import { JOB_PRODUCER, PRISMA, WORKER_CONFIG } from "../tokens.ts";
import type { WorkerConfig } from "../worker-config.ts";

@Injectable()
@HandlesJob("snapshot.run")
export class RunSnapshotHandler implements JobHandler<"snapshot.run"> {
  constructor(
    @Inject(PRISMA) private readonly prisma: Prisma,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {}

  async handle(payload: JobPayload<"snapshot.run">) {
    const fixed = this.config.FIXED_TODAY;
    const outcome = await runSnapshot(
      { prisma: this.prisma, remapSources: (tenantId, today) => remapSources(this.prisma, asTenantId(tenantId), today), ...(fixed ? { today: () => fixed } : {}) },
      payload,
    );
    // The persons a snapshot changed are evaluated and enforced on their own, within seconds.
    if (!("skipped" in outcome)) await evaluateChangedPersons({ prisma: this.prisma, jobs: this.jobs, today: fixed }, { tenantId: payload.tenantId, personIds: outcome.decidedPersonIds, full: outcome.mode === "full" });
    return outcome;
  }
}
