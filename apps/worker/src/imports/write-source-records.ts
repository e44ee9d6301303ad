import { withTenant, type Prisma, type TenantId, type TransactionClient } from "@idlife/db";
import { blockKeyOf } from "@idlife/core";
import { lockTenantPersons } from "../snapshots/tenant-lock.ts";
import type { KeyedRecord } from "./fetch-source-data.ts";
import type { MappedRecord } from "@idlife/connectors";
import { mapDepartment } from "./map-departments.ts";

const BATCH = 2_000;

/** A mapping outcome with what it was computed from. */
export type SourceRecordWrite = MappedRecord & { rawHash: string };

/**
 * Writes this source's view of its persons, in one transaction. A blocked person keeps their last
 * good mapping (so a mapping error never removes anyone) and carries the reasons; persons not
 * delivered any more are marked so, and the snapshot makes them former. Rows whose mapped value
 * or delivery changed are marked for the next snapshot (under the tenant's snapshot lock).
 */
export async function writeSourceRecords(
  prisma: Prisma,
  tenantId: TenantId,
  sourceSystemId: string,
  records: readonly SourceRecordWrite[],
  removedKeys: readonly string[],
  mappingHash: string,
  /** Pushes: write only what is still the latest raw data (two pushes of one person may finish in either order). */
  options: { latestRawOnly?: boolean } = {},
) {
  if (records.length === 0 && removedKeys.length === 0) return;
  await withTenant(
    prisma,
    tenantId,
    async (tx) => {
      await lockTenantPersons(tx, tenantId);
      if (options.latestRawOnly) ({ records, removedKeys } = await keepLatest(tx, tenantId, sourceSystemId, records, removedKeys));
      for (let start = 0; start < records.length; start += BATCH) {
        const rows = records.slice(start, start + BATCH).map((record) => ({
          external_id: record.sourceKey,
          mapped: record.mapped ?? null,
          blocked_reasons: record.reasons ?? [],
          aggregation: record.mapped?.Aggregation ?? null,
          aggregation_block: record.mapped?.Aggregation ? blockKeyOf(record.mapped.Aggregation) : null,
          raw_hash: record.rawHash,
        }));
        await tx.$executeRaw`
          INSERT INTO person_sources (id, tenant_id, source_system_id, external_id, mapped, blocked_reasons, aggregation, aggregation_block, delivered, raw_hash, mapping_hash, pending_snapshot, updated_at)
          SELECT gen_random_uuid(), ${tenantId}::uuid, ${sourceSystemId}::uuid, r.external_id, r.mapped, r.blocked_reasons, r.aggregation, r.aggregation_block, true, r.raw_hash, ${mappingHash}, true, now()
          FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(external_id text, mapped jsonb, blocked_reasons text[], aggregation text, aggregation_block text, raw_hash text)
          ON CONFLICT (tenant_id, source_system_id, external_id) DO UPDATE SET
            mapped = COALESCE(EXCLUDED.mapped, person_sources.mapped),
            blocked_reasons = EXCLUDED.blocked_reasons,
            aggregation = COALESCE(EXCLUDED.aggregation, person_sources.aggregation),
            aggregation_block = CASE WHEN EXCLUDED.aggregation IS NULL THEN person_sources.aggregation_block ELSE EXCLUDED.aggregation_block END,
            delivered = true,
            raw_hash = EXCLUDED.raw_hash,
            mapping_hash = EXCLUDED.mapping_hash,
            pending_snapshot = person_sources.pending_snapshot
              OR person_sources.mapped IS DISTINCT FROM COALESCE(EXCLUDED.mapped, person_sources.mapped)
              OR NOT person_sources.delivered,
            updated_at = now()
          WHERE person_sources.mapped IS DISTINCT FROM COALESCE(EXCLUDED.mapped, person_sources.mapped)
             OR person_sources.blocked_reasons IS DISTINCT FROM EXCLUDED.blocked_reasons
             OR NOT person_sources.delivered
             OR person_sources.raw_hash IS DISTINCT FROM EXCLUDED.raw_hash
             OR person_sources.mapping_hash IS DISTINCT FROM EXCLUDED.mapping_hash`;
      }
      for (let start = 0; start < removedKeys.length; start += BATCH) {
        const keys = removedKeys.slice(start, start + BATCH);
        await tx.personSource.updateMany({ where: { tenantId, sourceSystemId, externalId: { in: [...keys] }, delivered: true }, data: { delivered: false, pendingSnapshot: true } });
      }
    },
    { timeoutMs: 10 * 60_000 },
  );
}

/**
 * The records whose raw data is still the source's current version, and the removed keys that
 * have none: a later push stored its raw data before this write (under the tenant lock, which
 * every write takes), so this older one leaves those persons to it.
 */
async function keepLatest(tx: TransactionClient, tenantId: TenantId, sourceSystemId: string, records: readonly SourceRecordWrite[], removedKeys: readonly string[]) {
  const keys = [...records.map((record) => record.sourceKey), ...removedKeys];
  const current = await tx.$queryRaw<Array<{ source_key: string; hash: string | null }>>`
    SELECT source_key, hash FROM raw_records
    WHERE tenant_id = ${tenantId}::uuid AND source_system_id = ${sourceSystemId}::uuid AND kind = 'person' AND valid_to IS NULL AND source_key = ANY(${keys}::text[])`;
  const hashes = new Map(current.map((row) => [row.source_key, row.hash]));
  return { records: records.filter((record) => hashes.get(record.sourceKey) === record.rawHash), removedKeys: removedKeys.filter((key) => !hashes.has(key)) };
}

/** Replaces this source's departments with the delivered ones (mapped with the department tab). */
export async function writeDepartments(prisma: Prisma, tenantId: TenantId, sourceSystemId: string, departments: readonly KeyedRecord[], mapping: unknown) {
  const rows = departments.map((entry) => mapDepartment(entry, mapping));
  await withTenant(prisma, tenantId, async (tx) => {
    await tx.department.deleteMany({ where: { tenantId, sourceSystemId } });
    if (rows.length > 0) {
      await tx.department.createMany({
        data: rows.map((row) => ({ tenantId, sourceSystemId, externalId: row.ExternalId, displayName: row.DisplayName, managerExternalId: row.ManagerExternalId, parentExternalId: row.ParentExternalId })),
        skipDuplicates: true,
      });
    }
  });
}
