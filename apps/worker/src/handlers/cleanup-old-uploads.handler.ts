import { removeOldUploads } from "../imports/remove-old-uploads.ts";
import { jobHandler } from "../job-handler.ts";

/** Removes uploads past UPLOAD_RETENTION_HOURS that no import needs (see removeOldUploads). */
export const CleanupOldUploadsHandler = jobHandler("maintenance.cleanup-uploads", "UploadRetention", async ({ prisma, config, logger }, payload) => {
  const result = await removeOldUploads({ prisma, retentionHours: config.UPLOAD_RETENTION_HOURS });
  logger.log(`Upload clean-up (${payload.trigger}): ${result.deletedUploads} uploads (${result.freedBytes} bytes) removed`);
  return result;
});
