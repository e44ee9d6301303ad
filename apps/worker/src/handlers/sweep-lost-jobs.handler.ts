import { jobHandler } from "../job-handler.ts";
import { ENQUEUE_GRACE_MS, sweepLostJobs } from "../maintenance/sweep-lost-jobs.ts";
import { sweepTargetActions } from "../targets/sweep-target-actions.ts";

export const SweepLostJobsHandler = jobHandler("maintenance.sweep-lost-jobs", "Sweeper", async ({ prisma, producer, logger, config }, payload) => {
  const result = await sweepLostJobs({ prisma, producer, ...(payload.at ? { now: new Date(payload.at) } : {}) });
  for (const lost of result.failedImports) logger.warn(`Import ${lost.importId} (tenant ${lost.tenantId}) failed: ${lost.error}`);
  for (const lost of result.failedSnapshots) logger.warn(`Snapshot ${lost.snapshotId} (tenant ${lost.tenantId}) failed: ${lost.error}`);
  const now = payload.at ? new Date(payload.at) : new Date();
  const woken = await sweepTargetActions({ prisma, producer, now, graceMs: ENQUEUE_GRACE_MS, staleAfterMs: config.queues.enforce.lockDurationMs });
  for (const system of woken) logger.warn(`Target system ${system.targetSystemId} (tenant ${system.tenantId}) had actions without a run; a run was asked for`);
  return { failedImports: result.failedImports.length, failedSnapshots: result.failedSnapshots.length, targetSystemsWoken: woken.length };
});
