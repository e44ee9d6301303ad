import type { Prisma, TenantId } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import { enqueueImport, startImport, tenantScope } from "@idlife/use-cases";

export type ScheduledStart =
  | { status: "started"; importId: string }
  /** Another tick started this occurrence first. */
  | { status: "already-started"; importId: string }
  | { status: "skipped"; reason: string };

export interface ScheduledStartInput {
  tenantId: TenantId;
  sourceSystemId: string;
  /** The cron occurrence being run (without jitter): with the source, it names the import. */
  occurrence: Date;
  /** The occurrence with the source's jitter: files uploaded up to then belong to this run. */
  due: Date;
  now: Date;
}

/**
 * Starts the import of one scheduled occurrence through the same use case as "Import now", with
 * trigger "schedule": a refusal (busy, disabled, no new files) is a reason to report, not an error.
 */
export async function startScheduledImport(deps: { prisma: Prisma; producer: JobProducer }, input: ScheduledStartInput): Promise<ScheduledStart> {
  const { tenantId, ...occurrence } = input;
  const outcome = await startImport({ db: tenantScope(deps.prisma, tenantId), jobs: deps.producer }, { trigger: "schedule", ...occurrence });
  return outcome.status === "started" ? { status: "started", importId: outcome.importId } : outcome;
}

/** Puts a scheduled import on the queue again; harmless when it is there (see enqueueImport). */
export async function enqueueScheduledImport(producer: JobProducer, tenantId: TenantId, importId: string): Promise<void> {
  await enqueueImport(producer, tenantId, importId);
}
