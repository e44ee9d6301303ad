import { createHash } from "node:crypto";
import { rawRecordsAt, withTenant, type Prisma, type TenantId, type TransactionClient } from "@idlife/db";
import type { FetchedSourceData, KeyedRecord } from "./fetch-source-data.ts";

const BATCH = 2_000;

/** A raw record with the hash of what the source delivered (compared to find what changed). */
export interface HashedRecord extends KeyedRecord {
  hash: string;
}

export interface StoredRawData {
  persons: HashedRecord[];
  departments: HashedRecord[];
  warnings: string[];
  /** This import's position in its source's raw-record versions. */
  seq: bigint;
}

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

/** The hash of a record exactly as delivered (key order included: a reordered column is a new delivery). */
export function rawHashOf(record: Record<string, unknown>): string {
  return createHash("sha1").update(JSON.stringify(record)).digest("base64url");
}

function hashAll(records: readonly KeyedRecord[]): HashedRecord[] {
  return records.map((entry) => ({ ...entry, hash: rawHashOf(entry.record) }));
}

/**
 * Stores what this import delivered, in one transaction: records that differ from the source's
 * current raw data become new versions, versions that changed or were not delivered again are
 * closed. A re-import that changes 1% stores 1%, and every import's full raw data stays
 * readable (`loadRawData`). Imports of one source store one at a time.
 */
export async function storeRawData(
  prisma: Prisma,
  tenantId: TenantId,
  importId: string,
  sourceSystemId: string,
  data: FetchedSourceData,
  /** A push: only these persons' records are compared and closed (those not delivered are removed); every other record stays current. */
  only?: { personKeys: readonly string[] },
): Promise<StoredRawData> {
  const persons = hashAll(data.persons);
  const departments = hashAll(data.departments);
  const seq = await withTenant(
    prisma,
    tenantId,
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`raw:${sourceSystemId}`}))`;
      const [row] = await tx.$queryRaw<Array<{ seq: bigint }>>`SELECT nextval('raw_records_id_seq') AS seq`;
      const seq = row!.seq;
      const current = only
        ? await tx.$queryRaw<Array<{ id: bigint; kind: string; source_key: string; hash: string | null }>>`
            SELECT id, kind, source_key, hash FROM raw_records
            WHERE tenant_id = ${tenantId}::uuid AND source_system_id = ${sourceSystemId}::uuid AND valid_to IS NULL
              AND kind = 'person' AND source_key = ANY(${[...only.personKeys]}::text[])`
        : await tx.$queryRaw<Array<{ id: bigint; kind: string; source_key: string; hash: string | null }>>`
            SELECT id, kind, source_key, hash FROM raw_records
            WHERE tenant_id = ${tenantId}::uuid AND source_system_id = ${sourceSystemId}::uuid AND valid_to IS NULL`;
      const currentByKey = new Map(current.map((row) => [`${row.kind}\u0000${row.source_key}`, row]));
      const fresh: Array<{ kind: string; entry: HashedRecord }> = [];
      const closed: bigint[] = [];
      const collect = (kind: string, entries: readonly HashedRecord[]) => {
        for (const entry of entries) {
          const key = `${kind}\u0000${entry.sourceKey}`;
          const stored = currentByKey.get(key);
          currentByKey.delete(key);
          if (stored?.hash === entry.hash) continue;
          if (stored) closed.push(stored.id);
          fresh.push({ kind, entry });
        }
      };
      collect("person", persons);
      collect("department", departments);
      // What is left was not delivered again.
      for (const row of currentByKey.values()) closed.push(row.id);
      for (let start = 0; start < closed.length; start += 10 * BATCH) {
        const ids = closed.slice(start, start + 10 * BATCH).map(String);
        await tx.$executeRaw`UPDATE raw_records SET valid_to = ${seq} WHERE id = ANY(${ids}::bigint[])`;
      }
      for (let start = 0; start < fresh.length; start += BATCH) {
        const rows = fresh.slice(start, start + BATCH).map(({ kind, entry }) => ({ kind, source_key: entry.sourceKey, data: entry.record, search_text: searchTextOf(entry.record), hash: entry.hash }));
        // Set-based insert: createMany's statement building dominated this phase (benchmarks/README.md).
        await tx.$executeRaw`
          INSERT INTO raw_records (tenant_id, import_id, source_system_id, kind, source_key, data, search_text, hash, valid_from)
          SELECT ${tenantId}::uuid, ${importId}::uuid, ${sourceSystemId}::uuid, r.kind, r.source_key, r.data, r.search_text, r.hash, ${seq}
          FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(kind text, source_key text, data jsonb, search_text text, hash text)`;
      }
      await tx.import.update({ where: { id: importId }, data: { rawSeq: seq } });
      return seq;
    },
    { timeoutMs: 10 * 60_000 },
  );
  return { persons, departments, warnings: data.warnings, seq };
}

/** The raw data an import stored (its full delivery, also when it stored only the changes). */
export async function loadRawData(prisma: Prisma, tenantId: TenantId, importId: string): Promise<StoredRawData> {
  return withTenant(
    prisma,
    tenantId,
    async (tx) => {
      const run = await tx.import.findFirstOrThrow({ where: { id: importId, tenantId }, select: { sourceSystemId: true, rawSeq: true } });
      if (run.rawSeq === null) throw new Error(`Import ${importId} has no stored raw data.`);
      return loadRawDataAt(tx, tenantId, run.sourceSystemId, run.rawSeq);
    },
    { timeoutMs: 120_000 },
  );
}

async function loadRawDataAt(tx: TransactionClient, tenantId: TenantId, sourceSystemId: string, seq: bigint): Promise<StoredRawData> {
  const rows = await tx.rawRecord.findMany({ where: rawRecordsAt(tenantId, sourceSystemId, seq), select: { kind: true, sourceKey: true, data: true, hash: true }, orderBy: { id: "asc" } });
  const pick = (kind: string): HashedRecord[] =>
    rows
      .filter((row) => row.kind === kind)
      .map((row) => {
        const record = row.data as Record<string, unknown>;
        return { sourceKey: row.sourceKey, record, hash: row.hash ?? rawHashOf(record) };
      });
  return { persons: pick("person"), departments: pick("department"), warnings: [], seq };
}
