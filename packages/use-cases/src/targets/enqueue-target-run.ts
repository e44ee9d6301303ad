import type { JobProducer } from "@idlife/jobs";

/**
 * Asks for a run of one target system's work table. One job per (tenant, system) at a time,
 * plus at most one waiting behind it, however many actions are requested: the runner takes
 * every due row it finds, so a burst of 1,000 requests is one run, not 1,000.
 */
export async function enqueueTargetRun(jobs: JobProducer, tenantId: string, targetSystemId: string, delayMs = 0): Promise<void> {
  await jobs.enqueue("target.run-actions", { tenantId, targetSystemId }, { deduplicationId: `target-run:${tenantId}:${targetSystemId}`, ...(delayMs > 0 ? { delayMs } : {}) });
}
