import { Inject, Injectable, Logger } from "@nestjs/common";
import type { Prisma } from "@idlife/db";
import type { JobPayload } from "@idlife/jobs";
import { removeOldUploads } from "../imports/remove-old-uploads.ts";
import { HandlesJob, type JobHandler } from "../job-handler.ts";
import { PRISMA, WORKER_CONFIG } from "../tokens.ts";
import type { WorkerConfig } from "../worker-config.ts";

/** Removes uploads past UPLOAD_RETENTION_HOURS that no import needs (see removeOldUploads). */
@Injectable()
@HandlesJob("maintenance.cleanup-uploads")
export class CleanupOldUploadsHandler implements JobHandler<"maintenance.cleanup-uploads"> {
  private readonly logger = new Logger("UploadRetention");

  constructor(
    @Inject(PRISMA) private readonly prisma: Prisma,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async handle(payload: JobPayload<"maintenance.cleanup-uploads">) {
    const result = await removeOldUploads({ prisma: this.prisma, retentionHours: this.config.UPLOAD_RETENTION_HOURS });
    this.logger.log(`Upload clean-up (${payload.trigger}): ${result.deletedUploads} uploads (${result.freedBytes} bytes) removed`);
    return result;
  }
}
