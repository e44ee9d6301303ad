import type { TransactionClient } from "@idlife/db";
import { UseCaseError } from "../use-case-error.ts";

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Refuses an upload that would take a tenant's stored uploads (all its source systems together)
 * over the quota. Call it in the transaction that stores the upload: it holds a per-tenant lock
 * until that transaction ends, so two uploads at once cannot both fit in the last free space.
 */
export async function assertUploadQuota(tx: TransactionClient, tenantId: string, incomingBytes: number, quotaBytes: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`source_uploads:${tenantId}`}, 0))`;
  const stored = await tx.sourceUpload.aggregate({ where: { tenantId }, _sum: { sizeBytes: true } });
  const storedBytes = stored._sum.sizeBytes ?? 0;
  if (storedBytes + incomingBytes <= quotaBytes) return;
  throw new UseCaseError(
    409,
    "upload_quota_exceeded",
    `This file (${megabytes(incomingBytes)}) does not fit: this tenant's uploads take ${megabytes(storedBytes)} of its ${megabytes(quotaBytes)}. ` +
      "Uploads that have been imported are removed automatically after the retention period (the latest of each file is kept); " +
      "import the files already uploaded, try again later, or ask the platform operator to raise UPLOAD_QUOTA_BYTES_PER_TENANT.",
    { storedBytes, incomingBytes, quotaBytes },
  );
}
