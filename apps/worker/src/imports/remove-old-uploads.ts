import { tenantsInPages } from "../tenants-in-pages.ts";
import { Logger } from "@nestjs/common";
import { withTenant, type Prisma, type TenantId } from "@idlife/db";

export interface RemoveOldUploadsInput {
  prisma: Prisma;
  retentionHours: number;
  /** The moment to decide for; injectable for tests. */
  now?: Date;
}

export interface RemoveOldUploadsResult {
  deletedUploads: number;
  freedBytes: number;
  failedTenants: Array<{ tenantId: string; reason: string }>;
}

const logger = new Logger("UploadRetention");

/**
 * Removes uploaded files nobody needs any more, in every tenant: an upload goes once it is older
 * than the retention period, every import that used it finished more than that period ago (none
 * is queued, running or waiting for approval), and a newer upload of the same file (source
 * system and role) exists. The latest upload of each file stays, however old: a manual import,
 * a scheduled import and the mapping preview take the latest upload, so removing it would
 * make the operator upload the same file again. Safe to run twice.
 */
export async function removeOldUploads(input: RemoveOldUploadsInput): Promise<RemoveOldUploadsResult> {
  const cutoff = new Date((input.now ?? new Date()).getTime() - input.retentionHours * 3600_000);
  const result: RemoveOldUploadsResult = { deletedUploads: 0, freedBytes: 0, failedTenants: [] };
  for await (const tenantId of tenantsInPages(input.prisma)) {
    try {
      const removed = await removeOldUploadsOfTenant(input.prisma, tenantId, cutoff);
      result.deletedUploads += removed.deleted;
      result.freedBytes += Number(removed.bytes);
    } catch (error) {
      // One tenant's trouble must not keep every other tenant's files.
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn(`Could not remove old uploads of tenant ${tenantId}: ${reason}`);
      result.failedTenants.push({ tenantId, reason });
    }
  }
  return result;
}

async function removeOldUploadsOfTenant(prisma: Prisma, tenantId: TenantId, cutoff: Date) {
  const [removed] = await withTenant(prisma, tenantId, (tx) => tx.$queryRaw<Array<{ deleted: number; bytes: bigint }>>`
    WITH removed AS (
      DELETE FROM source_uploads upload
      WHERE upload.tenant_id = ${tenantId}::uuid
        AND upload.created_at < ${cutoff}
        AND EXISTS (
          SELECT 1 FROM source_uploads newer
          WHERE newer.tenant_id = upload.tenant_id AND newer.source_system_id = upload.source_system_id
            AND newer.role = upload.role AND newer.created_at > upload.created_at)
        AND NOT EXISTS (
          SELECT 1 FROM imports run
          WHERE run.tenant_id = upload.tenant_id AND upload.id::text = ANY (run.upload_ids)
            AND (run.status IN ('queued', 'running', 'blocked') OR run.finished_at IS NULL OR run.finished_at >= ${cutoff}))
      RETURNING upload.size_bytes)
    SELECT count(*)::int AS deleted, coalesce(sum(size_bytes), 0)::bigint AS bytes FROM removed`);
  return removed ?? { deleted: 0, bytes: 0n };
}

