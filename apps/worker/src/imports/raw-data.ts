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
  const rows = [
    ...data.persons.map((entry) => ({ kind: "person", entry })),
    ...data.departments.map((entry) => ({ kind: "department", entry })),
  ];
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await withTenant(prisma, tenantId, (tx) =>
      tx.rawRecord.createMany({
        data: batch.map(({ kind, entry }) => ({
          tenantId,
          importId,
          sourceSystemId,
          kind,
          sourceKey: entry.sourceKey,
          data: entry.record as object,
          searchText: searchTextOf(entry.record),
        })),
      }),
    );
  }
}

/** The raw data stored for an import, in the order it was delivered. */
export async function loadRawData(prisma: Prisma, tenantId: TenantId, importId: string): Promise<FetchedSourceData> {
  const rows = await withTenant(prisma, tenantId, (tx) => tx.rawRecord.findMany({ where: { tenantId, importId }, orderBy: { id: "asc" } }), { timeoutMs: 120_000 });
  const pick = (kind: string): KeyedRecord[] =>
    rows.filter((row) => row.kind === kind).map((row) => ({ sourceKey: row.sourceKey, record: row.data as Record<string, unknown> }));
  return { persons: pick("person"), departments: pick("department"), warnings: [] };
}
