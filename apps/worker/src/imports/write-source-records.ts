import { withTenant, type Prisma, type TenantId } from "@idlife/db";
import type { KeyedRecord } from "./fetch-source-data.ts";
import type { MappedRecord } from "@idlife/connectors";
import { mapDepartment } from "./map-departments.ts";

const BATCH = 2_000;

/**
 * Writes this source's view of its persons. A blocked person keeps their last good mapping
 * (so a mapping error never removes anyone) and carries the reasons; persons not delivered any
 * more are marked so, and the snapshot makes them former.
 */
export async function writeSourceRecords(prisma: Prisma, tenantId: TenantId, sourceSystemId: string, records: readonly MappedRecord[], removedKeys: readonly string[]) {
  for (let start = 0; start < records.length; start += BATCH) {
    const rows = records.slice(start, start + BATCH).map((record) => ({
      external_id: record.sourceKey,
      mapped: record.mapped ?? null,
      blocked_reasons: record.reasons ?? [],
      aggregation: record.mapped?.Aggregation ?? null,
    }));
    await withTenant(prisma, tenantId, (tx) => tx.$executeRaw`
      INSERT INTO person_sources (id, tenant_id, source_system_id, external_id, mapped, blocked_reasons, aggregation, delivered, updated_at)
      SELECT gen_random_uuid(), ${tenantId}::uuid, ${sourceSystemId}::uuid, r.external_id, r.mapped, r.blocked_reasons, r.aggregation, true, now()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(external_id text, mapped jsonb, blocked_reasons text[], aggregation text)
      ON CONFLICT (tenant_id, source_system_id, external_id) DO UPDATE SET
        mapped = COALESCE(EXCLUDED.mapped, person_sources.mapped),
        blocked_reasons = EXCLUDED.blocked_reasons,
        aggregation = COALESCE(EXCLUDED.aggregation, person_sources.aggregation),
        delivered = true,
        updated_at = now()
      WHERE person_sources.mapped IS DISTINCT FROM COALESCE(EXCLUDED.mapped, person_sources.mapped)
         OR person_sources.blocked_reasons IS DISTINCT FROM EXCLUDED.blocked_reasons
         OR NOT person_sources.delivered`);
  }
  for (let start = 0; start < removedKeys.length; start += BATCH) {
    const keys = removedKeys.slice(start, start + BATCH);
    await withTenant(prisma, tenantId, (tx) =>
      tx.personSource.updateMany({ where: { tenantId, sourceSystemId, externalId: { in: [...keys] } }, data: { delivered: false } }),
    );
  }
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
