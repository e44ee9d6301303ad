import { tenantsInPages } from "../tenants-in-pages.ts";
import { Logger } from "@nestjs/common";
import { PrismaNamespace, withTenant, type Prisma, type TenantId } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import { decideScheduledRun, ImportScheduleSettingsSchema, jitterFor, plannedRunAt, type ImportScheduleSettings } from "@idlife/core";
import { cronOccurrencesAround } from "./cron-occurrences.ts";
import { enqueueScheduledImport, startScheduledImport } from "./start-scheduled-import.ts";

export interface ScheduleDueImportsDependencies {
  prisma: Prisma;
  producer: JobProducer;
  /** The moment to decide for; injectable so tests can stand at any hour of any day. */
  now?: Date;
}

export type ScheduledSourceOutcome = "started" | "waiting" | "idle" | "skipped" | "failed";

/** Where one source's schedule stands after a tick: what an administrator would want to see. */
export interface ScheduledSourceReport {
  tenantId: string;
  sourceSystemId: string;
  sourceSystemName: string;
  outcome: ScheduledSourceOutcome;
  /** The cron occurrence this tick considered (the latest whose jittered time has passed). */
  occurrence: Date | null;
  /** That occurrence plus the source's jitter: when its import became due. */
  due: Date | null;
  /** The import started (or found started) for the occurrence. */
  importId: string | null;
  /** When the next scheduled import of this source is expected to start. */
  nextRunAt: Date | null;
  /** Set while a due import waits for the allowed hours; it starts then. */
  waitingForWindowUntil: Date | null;
  /** Why the source waits, was skipped or failed. */
  reason: string | null;
}

export interface ScheduleDueImportsResult {
  now: Date;
  sources: ScheduledSourceReport[];
  /** Tenants whose source systems could not be read this tick; the others were still scheduled. */
  failedTenants: Array<{ tenantId: string; reason: string }>;
}

const logger = new Logger("ScheduledImports");

/**
 * One tick of the import scheduler (every minute): for each enabled source system with a schedule,
 * in every active tenant, start the import whose cron occurrence has come, unless it already ran
 * or must wait for the source's allowed hours. Safe to run twice, also at the same moment on two
 * workers: the import of an occurrence has a deterministic id.
 */
export async function scheduleDueImports(deps: ScheduleDueImportsDependencies): Promise<ScheduleDueImportsResult> {
  const now = deps.now ?? new Date();
  const result: ScheduleDueImportsResult = { now, sources: [], failedTenants: [] };
  for await (const tenantId of tenantsInPages(deps.prisma, { activeOnly: true })) {
    let sources: ScheduledSource[];
    try {
      sources = await scheduledSources(deps.prisma, tenantId);
    } catch (error) {
      // One tenant's trouble must not stop the schedules of all the others.
      logger.warn(`Could not read the scheduled source systems of tenant ${tenantId}: ${messageOf(error)}`);
      result.failedTenants.push({ tenantId, reason: messageOf(error) });
      continue;
    }
    for (const source of sources) {
      result.sources.push(
        await scheduleSource(deps, tenantId, source, now).catch((error: unknown) => ({ ...emptyReport(tenantId, source), outcome: "failed" as const, reason: messageOf(error) })),
      );
    }
  }
  return result;
}


interface ScheduledSource {
  id: string;
  name: string;
  schedule: unknown;
  updatedAt: Date;
  lastScheduledImport: { id: string; status: string; createdAt: Date; startedAt: Date | null; approvedAt: Date | null } | null;
}

function scheduledSources(prisma: Prisma, tenantId: TenantId): Promise<ScheduledSource[]> {
  return withTenant(prisma, tenantId, async (tx) => {
    const rows = await tx.sourceSystem.findMany({
      where: { tenantId, enabled: true, schedule: { not: PrismaNamespace.DbNull } },
      select: { id: true, name: true, schedule: true, updatedAt: true },
      orderBy: { name: "asc" },
    });
    const withLastImport: ScheduledSource[] = [];
    for (const row of rows) {
      const lastScheduledImport = await tx.import.findFirst({
        where: { tenantId, sourceSystemId: row.id, trigger: "schedule" },
        orderBy: { createdAt: "desc" },
        select: { id: true, status: true, createdAt: true, startedAt: true, approvedAt: true },
      });
      withLastImport.push({ ...row, lastScheduledImport });
    }
    return withLastImport;
  });
}

function emptyReport(tenantId: TenantId, source: ScheduledSource): Omit<ScheduledSourceReport, "outcome"> {
  return { tenantId, sourceSystemId: source.id, sourceSystemName: source.name, occurrence: null, due: null, importId: null, nextRunAt: null, waitingForWindowUntil: null, reason: null };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function scheduleSource(deps: ScheduleDueImportsDependencies, tenantId: TenantId, source: ScheduledSource, now: Date): Promise<ScheduledSourceReport> {
  const report = (fields: Partial<ScheduledSourceReport> & Pick<ScheduledSourceReport, "outcome">): ScheduledSourceReport => ({ ...emptyReport(tenantId, source), ...fields });
  const parsed = ImportScheduleSettingsSchema.safeParse(source.schedule);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "schedule"} ${issue.message}`).join("; ");
    return report({ outcome: "skipped", reason: `the schedule cannot be used: ${problems}` });
  }
  const schedule = parsed.data;
  const jitterSeconds = jitterFor(source.id, schedule.jitterSeconds);
  const timing = dueOccurrence(schedule, jitterSeconds, now);
  if ("reason" in timing) return report({ outcome: "skipped", reason: timing.reason });
  const { occurrence, due, nextDue } = timing;
  const nextRunAt = plannedRunAt(nextDue, schedule.allowedHours, schedule.timeZone, jitterSeconds);

  const last = source.lastScheduledImport;
  // A source that never ran on schedule counts from its last change: creating it or setting its
  // schedule does not fire the occurrence that had already passed.
  const decision = decideScheduledRun({
    due,
    lastRunAt: last?.createdAt ?? source.updatedAt,
    now,
    allowedHours: schedule.allowedHours,
    timeZone: schedule.timeZone,
    jitterSeconds,
  });
  if (decision.action === "wait") {
    return report({ outcome: "waiting", occurrence, due, nextRunAt: decision.until, waitingForWindowUntil: decision.until, reason: decision.reason });
  }
  if (decision.action === "idle") {
    // Its row was committed, but its enqueue may have been lost (a crash in between): enqueue again.
    if (last && last.status === "queued" && !last.startedAt && !last.approvedAt) await enqueueScheduledImport(deps.producer, tenantId, last.id);
    return report({ outcome: "idle", occurrence, due, nextRunAt });
  }
  const started = await startScheduledImport(deps, { tenantId, sourceSystemId: source.id, occurrence, due, now });
  if (started.status === "skipped") return report({ outcome: "skipped", occurrence, due, nextRunAt, reason: started.reason });
  return report({ outcome: started.status === "started" ? "started" : "idle", occurrence, due, importId: started.importId, nextRunAt });
}

/** The latest occurrence whose jittered time has passed, and the next one, or why there is none. */
function dueOccurrence(schedule: ImportScheduleSettings, jitterSeconds: number, now: Date): { occurrence: Date; due: Date; nextDue: Date } | { reason: string } {
  const jitterMs = jitterSeconds * 1000;
  try {
    const { latest, next } = cronOccurrencesAround(schedule.cron, schedule.timeZone, new Date(now.getTime() - jitterMs));
    return { occurrence: latest, due: new Date(latest.getTime() + jitterMs), nextDue: new Date(next.getTime() + jitterMs) };
  } catch (error) {
    return { reason: `the cron expression '${schedule.cron}' cannot be used: ${messageOf(error)}` };
  }
}
