import type { JobProducer } from "@idlife/jobs";
import { enqueueTargetRun, type TenantScope } from "@idlife/use-cases";

/** The earliest time a row of the system needs a run: a planned row's runAfter, a running row's staleness. */
async function nextDueAt(db: TenantScope, targetSystemId: string, staleAfterMs: number): Promise<Date | null> {
  return db.run(async (tx) => {
    const planned = await tx.targetAction.findFirst({ where: { tenantId: db.tenantId, targetSystemId, state: "planned" }, orderBy: { runAfter: "asc" }, select: { runAfter: true } });
    const running = await tx.targetAction.findFirst({ where: { tenantId: db.tenantId, targetSystemId, state: "running" }, orderBy: { startedAt: "asc" }, select: { startedAt: true } });
    const times = [planned?.runAfter.getTime(), running?.startedAt ? running.startedAt.getTime() + staleAfterMs : undefined].filter((time): time is number => time !== undefined);
    return times.length > 0 ? new Date(Math.min(...times)) : null;
  });
}

/**
 * Asks for the system's next run: right away when the batch was full (after other systems' and
 * tenants' jobs waiting on the queue), at the end of a pause, or when the next row becomes due.
 */
export async function scheduleNextRun(input: { db: TenantScope; jobs: JobProducer; targetSystemId: string; staleAfterMs: number; busyUntil: Date | null; more: boolean }): Promise<void> {
  const { db, jobs, targetSystemId } = input;
  if (input.busyUntil) return enqueueTargetRun(jobs, db.tenantId, targetSystemId, input.busyUntil.getTime() - Date.now());
  const next = input.more ? new Date() : await nextDueAt(db, targetSystemId, input.staleAfterMs);
  if (!next) return;
  await enqueueTargetRun(jobs, db.tenantId, targetSystemId, Math.max(0, next.getTime() - Date.now()));
  // A request that came in while this run was deciding asked for a run now; the wake-up just
  // asked for above replaced it (the latest wins), so ask again when something is due already.
  const due = await nextDueAt(db, targetSystemId, input.staleAfterMs);
  if (next.getTime() > Date.now() && due && due.getTime() <= Date.now()) await enqueueTargetRun(jobs, db.tenantId, targetSystemId);
}
