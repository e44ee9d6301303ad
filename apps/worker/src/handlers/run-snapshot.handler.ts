import { Inject, Injectable } from "@nestjs/common";
import { asTenantId, type Prisma } from "@idlife/db";
import type { JobPayload } from "@idlife/jobs";
import { remapSources } from "../imports/remap-sources.ts";
import { HandlesJob, type JobHandler } from "../job-handler.ts";
import { runSnapshot } from "../snapshots/run-snapshot.ts";
import { PRISMA, WORKER_CONFIG } from "../tokens.ts";
import type { WorkerConfig } from "../worker-config.ts";

@Injectable()
@HandlesJob("snapshot.run")
export class RunSnapshotHandler implements JobHandler<"snapshot.run"> {
  constructor(
    @Inject(PRISMA) private readonly prisma: Prisma,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  handle(payload: JobPayload<"snapshot.run">) {
    const fixed = this.config.FIXED_TODAY;
    return runSnapshot(
      { prisma: this.prisma, remapSources: (tenantId, today) => remapSources(this.prisma, asTenantId(tenantId), today), ...(fixed ? { today: () => fixed } : {}) },
      payload,
    );
  }
}
