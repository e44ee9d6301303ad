import type { Logger } from "@nestjs/common";
import { jobHandler } from "../job-handler.ts";
import { scheduleDueImports, type ScheduledSourceReport } from "./schedule-due-imports.ts";

/** How often the scheduler ticks (see schedules.ts): a waiting or skipped source is logged once. */
const TICK_MS = 60_000;

export const ScheduleDueImportsHandler = jobHandler("import.schedule-due", "ScheduledImports", async ({ prisma, producer, logger }, payload) => {
  const now = payload.at ? new Date(payload.at) : new Date();
  const result = await scheduleDueImports({ prisma, producer, now });
  for (const source of result.sources) logSource(logger, source, now);
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
});

function logSource(logger: Logger, source: ScheduledSourceReport, now: Date) {
  const name = `'${source.sourceSystemName}' (${source.sourceSystemId}, tenant ${source.tenantId})`;
  // Waiting and skipping repeat every minute until the window opens or the next occurrence:
  // say it at the first tick of the occurrence, and at debug level after that.
  const firstTick = source.due !== null && now.getTime() - source.due.getTime() < TICK_MS;
  switch (source.outcome) {
    case "started":
      logger.log(`Started scheduled import ${source.importId} of ${name} for ${source.occurrence?.toISOString()}`);
      return;
    case "waiting": {
      const message = `Scheduled import of ${name} waits until ${source.waitingForWindowUntil?.toISOString()}: ${source.reason}`;
      if (firstTick) logger.log(message);
      else logger.debug(message);
      return;
    }
    case "skipped": {
      const message = `Scheduled import of ${name} skipped: ${source.reason}`;
      if (firstTick || source.due === null) logger.warn(message);
      else logger.debug(message);
      return;
    }
    case "failed":
      logger.error(`Scheduling the import of ${name} failed: ${source.reason}`);
      return;
    case "idle":
      return;
  }
}
