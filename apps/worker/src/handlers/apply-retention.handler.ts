import { applyRetention } from "../imports/apply-retention.ts";
import { jobHandler } from "../job-handler.ts";

/** Removes old raw record versions and person history by each tenant's retention setting (see applyRetention). */
export const ApplyRetentionHandler = jobHandler("maintenance.apply-retention", "Retention", async ({ prisma, logger }, payload) => {
  const result = await applyRetention({ prisma });
  logger.log(`Retention (${payload.trigger}): ${result.removedRawVersions} raw versions and ${result.removedHistoryRows} history rows removed`);
  return result;
});
