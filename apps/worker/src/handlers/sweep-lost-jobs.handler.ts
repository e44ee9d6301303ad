import { sweepLostJobs } from "../maintenance/sweep-lost-jobs.ts";
import { maintenanceHandler } from "../maintenance/maintenance-handler.ts";

export const SweepLostJobsHandler = maintenanceHandler("maintenance.sweep-lost-jobs", "Sweeper", async ({ prisma, producer, logger }, payload) => {
  const result = await sweepLostJobs({ prisma, producer, ...(payload.at ? { now: new Date(payload.at) } : {}) });
  for (const lost of result.failedImports) logger.warn(`Import ${lost.importId} (tenant ${lost.tenantId}) failed: ${lost.error}`);
  for (const lost of result.failedSnapshots) logger.warn(`Snapshot ${lost.snapshotId} (tenant ${lost.tenantId}) failed: ${lost.error}`);
  return { failedImports: result.failedImports.length, failedSnapshots: result.failedSnapshots.length };
});
