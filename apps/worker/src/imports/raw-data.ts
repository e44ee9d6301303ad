import { withTenant, type Prisma, type TenantId } from "@idlife/db";
import type { FetchedSourceData, KeyedRecord } from "./fetch-source-data.ts";

const BATCH = 2_000;

/** What the raw-data browser searches: every value of the record, lower case. */
function searchTextOf(record: Record<string, unknown>): string {
  const values: string[] = [];
  const collect = (value: unknown) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === "object") Object.values(value).forEach(collect);
    else values.push(String(value));
  };
  collect(record);
  return values.join(" ").toLowerCase().slice(0, 4_000);
}

/** Stores the records exactly as delivered, replacing any stored for this import by an earlier attempt. */
export async function storeRawData(prisma: Prisma, tenantId: TenantId, importId: string, sourceSystemId: string, data: FetchedSourceData) {
  await withTenant(prisma, tenantId, (tx) => tx.rawRecord.deleteMany({ where: { tenantId, importId } }));
  const records = [
    ...data.persons.map((entry) => ({ kind: "person", entry })),
    ...data.departments.map((entry) => ({ kind: "department", entry })),
  ];
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH);
    const rows = batch.map(({ kind, entry }) => ({ kind, source_key: entry.sourceKey, data: entry.record, search_text: searchTextOf(entry.record) }));
    // Set-based insert: createMany's statement building dominated this phase (benchmarks/README.md).
    await withTenant(prisma, tenantId, (tx) => tx.$executeRaw`
      INSERT INTO raw_records (tenant_id, import_id, source_system_id, kind, source_key, data, search_text)
      SELECT ${tenantId}::uuid, ${importId}::uuid, ${sourceSystemId}::uuid, r.kind, r.source_key, r.data, r.search_text
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(kind text, source_key text, data jsonb, search_text text)`);
  }
}

/** The raw data stored for an import, in the order it was delivered. */
export async function loadRawData(prisma: Prisma, tenantId: TenantId, importId: string): Promise<FetchedSourceData> {
  const rows = await withTenant(prisma, tenantId, (tx) => tx.rawRecord.findMany({ where: { tenantId, importId }, orderBy: { id: "asc" } }), { timeoutMs: 120_000 });
  const pick = (kind: string): KeyedRecord[] =>
    rows.filter((row) => row.kind === kind).map((row) => ({ sourceKey: row.sourceKey, record: row.data as Record<string, unknown> }));
  return { persons: pick("person"), departments: pick("department"), warnings: [] };
}
