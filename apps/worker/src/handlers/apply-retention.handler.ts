import { Inject, Injectable, Logger } from "@nestjs/common";
import type { Prisma } from "@idlife/db";
import type { JobPayload } from "@idlife/jobs";
import { applyRetention } from "../imports/apply-retention.ts";
import { HandlesJob, type JobHandler } from "../job-handler.ts";
import { PRISMA } from "../tokens.ts";

/** Removes old raw record versions and person history by each tenant's retention setting (see applyRetention). */
@Injectable()
@HandlesJob("maintenance.apply-retention")
export class ApplyRetentionHandler implements JobHandler<"maintenance.apply-retention"> {
  private readonly logger = new Logger("Retention");

  constructor(@Inject(PRISMA) private readonly prisma: Prisma) {}

  async handle(payload: JobPayload<"maintenance.apply-retention">) {
    const result = await applyRetention({ prisma: this.prisma });
    this.logger.log(`Retention (${payload.trigger}): ${result.removedRawVersions} raw versions and ${result.removedHistoryRows} history rows removed`);
    return result;
  }
}
