import { Inject, Injectable, Logger } from "@nestjs/common";
import type { Prisma } from "@idlife/db";
import type { JobPayload, JobProducer } from "@idlife/jobs";
import { HandlesJob, type JobHandler } from "../job-handler.ts";
import { JOB_PRODUCER, PRISMA } from "../tokens.ts";
import { scheduleDueImports, type ScheduledSourceReport } from "./schedule-due-imports.ts";

/** How often the scheduler ticks (see schedules.ts): a waiting or skipped source is logged once. */
const TICK_MS = 60_000;

@Injectable()
@HandlesJob("import.schedule-due")
export class ScheduleDueImportsHandler implements JobHandler<"import.schedule-due"> {
  private readonly logger = new Logger("ScheduledImports");

  constructor(
    @Inject(PRISMA) private readonly prisma: Prisma,
    @Inject(JOB_PRODUCER) private readonly producer: JobProducer,
  ) {}

  async handle(payload: JobPayload<"import.schedule-due">) {
    const now = payload.at ? new Date(payload.at) : new Date();
    const result = await scheduleDueImports({ prisma: this.prisma, producer: this.producer, now });
    for (const source of result.sources) this.log(source, now);
    const count = (outcome: ScheduledSourceReport["outcome"]) => result.sources.filter((source) => source.outcome === outcome).length;
    // Kept by BullMQ as the job's return value: the latest ticks show what every schedule waits for.
    return {
      at: now.toISOString(),
      started: count("started"),
      waiting: count("waiting"),
      skipped: count("skipped"),
      failed: count("failed"),
      sources: result.sources.filter((source) => source.outcome !== "idle"),
      failedTenants: result.failedTenants,
    };
  }

  private log(source: ScheduledSourceReport, now: Date) {
    const name = `'${source.sourceSystemName}' (${source.sourceSystemId}, tenant ${source.tenantId})`;
    // Waiting and skipping repeat every minute until the window opens or the next occurrence:
    // say it at the first tick of the occurrence, and at debug level after that.
    const firstTick = source.due !== null && now.getTime() - source.due.getTime() < TICK_MS;
    switch (source.outcome) {
      case "started":
        this.logger.log(`Started scheduled import ${source.importId} of ${name} for ${source.occurrence?.toISOString()}`);
        return;
      case "waiting": {
        const message = `Scheduled import of ${name} waits until ${source.waitingForWindowUntil?.toISOString()}: ${source.reason}`;
        if (firstTick) this.logger.log(message);
        else this.logger.debug(message);
        return;
      }
      case "skipped": {
        const message = `Scheduled import of ${name} skipped: ${source.reason}`;
        if (firstTick || source.due === null) this.logger.warn(message);
        else this.logger.debug(message);
        return;
      }
      case "failed":
        this.logger.error(`Scheduling the import of ${name} failed: ${source.reason}`);
        return;
      case "idle":
        return;
    }
  }
}
