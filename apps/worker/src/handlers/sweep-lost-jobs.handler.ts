import { Inject, Injectable, Logger } from "@nestjs/common";
import type { Prisma } from "@idlife/db";
import type { JobPayload, JobProducer } from "@idlife/jobs";
import { sweepLostJobs } from "../maintenance/sweep-lost-jobs.ts";
import { HandlesJob, type JobHandler } from "../job-handler.ts";
import { JOB_PRODUCER, PRISMA } from "../tokens.ts";

@Injectable()
@HandlesJob("maintenance.sweep-lost-jobs")
export class SweepLostJobsHandler implements JobHandler<"maintenance.sweep-lost-jobs"> {
  private readonly logger = new Logger("Sweeper");

  constructor(
    @Inject(PRISMA) private readonly prisma: Prisma,
    @Inject(JOB_PRODUCER) private readonly producer: JobProducer,
  ) {}

  async handle(payload: JobPayload<"maintenance.sweep-lost-jobs">) {
    const result = await sweepLostJobs({ prisma: this.prisma, producer: this.producer, ...(payload.at ? { now: new Date(payload.at) } : {}) });
    for (const lost of result.failedImports) this.logger.warn(`Import ${lost.importId} (tenant ${lost.tenantId}) failed: ${lost.error}`);
    for (const lost of result.failedSnapshots) this.logger.warn(`Snapshot ${lost.snapshotId} (tenant ${lost.tenantId}) failed: ${lost.error}`);
    return { failedImports: result.failedImports.length, failedSnapshots: result.failedSnapshots.length };
  }
}
