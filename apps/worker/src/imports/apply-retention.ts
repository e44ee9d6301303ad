import { Logger } from "@nestjs/common";
import { withTenant, type Prisma, type TenantId } from "@idlife/db";
import { tenantsInPages } from "../tenants-in-pages.ts";

export interface ApplyRetentionInput {
  prisma: Prisma;
  /** The moment raw versions are judged at; injectable for tests (history is judged by the database clock). */
  now?: Date;
  /** Rows per delete statement: each batch is its own short transaction, so a large tenant holds no long locks. */
  batchSize?: number;
}

export interface ApplyRetentionResult {
  removedRawVersions: number;
  removedHistoryRows: number;
  failedTenants: Array<{ tenantId: string; reason: string }>;
}

/** The API validates the setting (contracts' tenantSettingsSchema.retention); these are its defaults. */
const DEFAULT_RAW_VERSION_DAYS = 365;
const DAY_MS = 86_400_000;
const BATCH_SIZE = 5_000;
const logger = new Logger("Retention");

/**
 * Applies every tenant's retention setting: removes raw record versions superseded longer ago
 * than `retention.rawVersionDays` and person history older than `retention.historyDays` (when
 * set). Never removed: the current version of any record; versions an import that is queued,
 * running or waiting for approval still reads; every history row of a person's latest change (so
 * a person's page never shows an empty history). Imports whose raw data lost versions are marked
 * (raw_removed_at) so their raw view says so. Safe to run twice.
 */
export async function applyRetention(input: ApplyRetentionInput): Promise<ApplyRetentionResult> {
  const now = input.now ?? new Date();
  const batchSize = input.batchSize ?? BATCH_SIZE;
  const result: ApplyRetentionResult = { removedRawVersions: 0, removedHistoryRows: 0, failedTenants: [] };
  for await (const tenantId of tenantsInPages(input.prisma)) {
    try {
      const settings = await retentionOf(input.prisma, tenantId);
      result.removedRawVersions += await removeOldRawVersions(input.prisma, tenantId, new Date(now.getTime() - settings.rawVersionDays * DAY_MS), now, batchSize);
      if (settings.historyDays !== null) result.removedHistoryRows += await removeOldHistory(input.prisma, tenantId, batchSize);
    } catch (error) {
      // One tenant's trouble must not keep every other tenant's data forever.
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn(`Could not apply the retention of tenant ${tenantId}: ${reason}`);
      result.failedTenants.push({ tenantId, reason });
    }
  }
  return result;
}

async function retentionOf(prisma: Prisma, tenantId: TenantId) {
  const tenant = await prisma.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  const retention = (tenant?.settings as { retention?: { rawVersionDays?: unknown; historyDays?: unknown } } | null)?.retention;
  const days = (value: unknown) => (typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined);
  return { rawVersionDays: days(retention?.rawVersionDays) ?? DEFAULT_RAW_VERSION_DAYS, historyDays: days(retention?.historyDays) ?? null };
}

/**
 * A version [valid_from, valid_to) ended when the import with raw_seq = valid_to stored its raw
 * data. Per source, `through` is the raw_seq of its newest import older than the cutoff: versions
 * with valid_to <= through ended before the cutoff, and only imports with raw_seq < through read
 * them. `through` never passes the source's latest completed import, however old: a mapping change
 * re-maps from its raw data, and later imports that failed or were rejected also end versions.
 */
async function removeOldRawVersions(prisma: Prisma, tenantId: TenantId, cutoff: Date, now: Date, batchSize: number) {
  const sources = await withTenant(prisma, tenantId, (tx) => tx.$queryRaw<Array<{ sourceSystemId: string; through: bigint }>>`
    SELECT run.source_system_id::text AS "sourceSystemId",
      least(max(run.raw_seq), (
        SELECT applied.raw_seq FROM imports applied
        WHERE applied.tenant_id = run.tenant_id AND applied.source_system_id = run.source_system_id
          AND applied.status = 'completed' AND applied.raw_seq IS NOT NULL
        ORDER BY applied.created_at DESC LIMIT 1)) AS through
    FROM imports run
    WHERE run.tenant_id = ${tenantId}::uuid AND run.raw_seq IS NOT NULL AND coalesce(run.finished_at, run.created_at) < ${cutoff}
    GROUP BY run.tenant_id, run.source_system_id`);
  let removed = 0;
  for (const { sourceSystemId, through } of sources) {
    // Marked first, so a raw view never shows an import's data half removed.
    await withTenant(prisma, tenantId, (tx) => tx.$executeRaw`
      UPDATE imports SET raw_removed_at = ${now}
      WHERE tenant_id = ${tenantId}::uuid AND source_system_id = ${sourceSystemId}::uuid AND raw_seq < ${through}
        AND raw_removed_at IS NULL AND status NOT IN ('queued', 'running', 'blocked')`);
    for (;;) {
      const deleted = await withTenant(prisma, tenantId, (tx) => tx.$executeRaw`
        DELETE FROM raw_records WHERE id IN (
          SELECT version.id FROM raw_records version
          WHERE version.tenant_id = ${tenantId}::uuid AND version.source_system_id = ${sourceSystemId}::uuid
            AND version.valid_to IS NOT NULL AND version.valid_to <= ${through}
            AND NOT EXISTS (
              SELECT 1 FROM imports run
              WHERE run.tenant_id = version.tenant_id AND run.source_system_id = version.source_system_id
                AND run.status IN ('queued', 'running', 'blocked')
                AND run.raw_seq >= version.valid_from AND run.raw_seq < version.valid_to)
          LIMIT ${batchSize})`);
      removed += deleted;
      if (deleted < batchSize) break;
    }
  }
  return removed;
}

/**
 * History is evidence the application cannot delete; app_remove_old_history (a database
 * function) removes it by the tenant's stored setting only, and keeps every row of each
 * person's latest change (the rows at the person's newest `at`), however old.
 */
async function removeOldHistory(prisma: Prisma, tenantId: TenantId, batchSize: number) {
  let removed = 0;
  for (;;) {
    const [batch] = await withTenant(prisma, tenantId, (tx) => tx.$queryRaw<Array<{ removed: number }>>`SELECT app_remove_old_history(${batchSize}::int) AS removed`);
    const deleted = batch?.removed ?? 0;
    removed += deleted;
    if (deleted < batchSize) return removed;
  }
}
