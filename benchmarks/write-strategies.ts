/**
 * Companion experiment to the import benchmark: what the hottest write and compare steps would
 * cost done another way, on real data (generated students, fetched and mapped by the pipeline's
 * own functions), in a fresh database as the application role. It measures the pipeline's current
 * code next to a candidate replacement, so that the recommendations in README.md come with
 * figures; it changes no pipeline code.
 *
 *   node --no-node-snapshot --import tsx benchmarks/write-strategies.ts [--persons 10000]
 *
 * 1. Raw data: storeRawData (Prisma createMany, 2,000 rows a call) against one INSERT ... SELECT
 *    FROM jsonb_to_recordset($1) per 2,000 rows (how writeSourceRecords and writePersonBatch
 *    already write persons).
 * 2. History of new persons: personHistory.createMany with the whole person as newValue (what
 *    writePersonBatch does for an added person) against the same rows through jsonb_to_recordset,
 *    and against not repeating the person (newValue null: the person row holds the data).
 * 3. "Did this person change?": canonicalJson(before) === canonicalJson(after) (thresholds and
 *    planPersonWrites) against a key-order-insensitive deep equality (util.isDeepStrictEqual).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, isDeepStrictEqual } from "node:util";
import { generateOrganisation } from "../examples/generate/generate-organisation.ts";
import { fetchSourceData } from "../apps/worker/src/imports/fetch-source-data.ts";
import { storeRawData } from "../apps/worker/src/imports/raw-data.ts";
import { mapRawPersons } from "../packages/connectors/src/mapping/map-raw-persons.ts";
import { canonicalJson } from "../packages/core/src/util/canonical-json.ts";
import { PrismaNamespace, withTenant } from "../packages/db/src/index.ts";
import { createBenchDatabase, createBenchTenant, createPrismaClient } from "./lib/setup.ts";

const { values: args } = parseArgs({ options: { persons: { type: "string", default: "10000" } } });
const persons = Number(args.persons);
const BATCH = 2_000;
const s = (ms: number) => (ms / 1000).toFixed(2);

async function time<T>(label: string, fn: () => Promise<T> | T): Promise<{ label: string; ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { label, ms: performance.now() - started, value };
}

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

/** jsonb keeps object keys sorted by length, then bytes: what a person read back from the database looks like. */
function asJsonb(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asJsonb);
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, inner]) => [key, asJsonb(inner)]));
  }
  return value;
}

async function main() {
  const work = await mkdtemp(join(tmpdir(), "idlife-strategies-"));
  const database = await createBenchDatabase(`idlife_bench_p${process.pid}_strategies`);
  const owner = createPrismaClient(database.ownerUrl, { maxConnections: 2 });
  const app = createPrismaClient(database.appUrl);
  try {
    await generateOrganisation({ outDir: work, staff: 100, schools: Math.max(1, Math.round(persons / 445)), students: persons });
    const settings = JSON.parse(await readFile(new URL("../examples/sources/students.csv-settings.json", import.meta.url), "utf8")) as Record<string, unknown>;
    const mapping = JSON.parse(await readFile(new URL("../examples/mappings/students.json", import.meta.url), "utf8")) as unknown;
    const content = await readFile(join(work, "students.csv"));
    const data = await fetchSourceData(
      { connectorType: "csv", settings, secrets: {}, mapping, uploads: [{ role: "persons", fileName: "students.csv", content }] },
      () => {},
    );
    const mapped = (await mapRawPersons(mapping, data.persons, () => {}, { tenantId: "benchmark" })).filter((record) => record.mapped);
    const tenant = await createBenchTenant(owner, "strategies");
    const { tenantId } = tenant;
    const sourceSystemId = tenant.sources.students;
    const importA = await withTenant(owner, tenantId, (tx) => tx.import.create({ data: { tenantId, sourceSystemId, trigger: "manual", uploadIds: [] } }));
    const importB = await withTenant(owner, tenantId, (tx) => tx.import.create({ data: { tenantId, sourceSystemId, trigger: "manual", uploadIds: [] } }));
    console.log(`${data.persons.length} raw students, ${mapped.length} mapped; batches of ${BATCH}\n`);

    // 1. Raw data.
    const current = await time("storeRawData (Prisma createMany)", () => storeRawData(app, tenantId, importA.id, sourceSystemId, data));
    const raw = await time("INSERT ... jsonb_to_recordset", async () => {
      for (let start = 0; start < data.persons.length; start += BATCH) {
        const rows = data.persons.slice(start, start + BATCH).map((entry) => ({ kind: "person", source_key: entry.sourceKey, data: entry.record, search_text: searchTextOf(entry.record) }));
        await withTenant(app, tenantId, (tx) => tx.$executeRaw`
          INSERT INTO raw_records (tenant_id, import_id, source_system_id, kind, source_key, data, search_text)
          SELECT ${tenantId}::uuid, ${importB.id}::uuid, ${sourceSystemId}::uuid, r.kind, r.source_key, r.data, r.search_text
          FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(kind text, source_key text, data jsonb, search_text text)`);
      }
    });
    console.log(`raw records, ${data.persons.length} rows:`);
    console.log(`  ${current.label.padEnd(44)} ${s(current.ms)} s`);
    console.log(`  ${raw.label.padEnd(44)} ${s(raw.ms)} s  (${(current.ms / raw.ms).toFixed(1)}× faster)`);

    // 2. History rows of new persons.
    const ids = mapped.map(() => crypto.randomUUID());
    const historyRows = (withValue: boolean) =>
      mapped.map((record, index) => ({
        tenantId,
        personId: ids[index]!,
        field: "*",
        kind: "added",
        oldValue: PrismaNamespace.DbNull,
        newValue: withValue ? (record.mapped as PrismaNamespace.InputJsonValue) : PrismaNamespace.DbNull,
        cause: "import" as const,
        snapshotId: null,
        importId: importA.id,
      }));
    const batches = async (rows: ReturnType<typeof historyRows>) => {
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        await withTenant(app, tenantId, (tx) => tx.personHistory.createMany({ data: batch }), { timeoutMs: 120_000 });
      }
    };
    const historyCurrent = await time("personHistory.createMany, whole person", () => batches(historyRows(true)));
    const historyRaw = await time("INSERT ... jsonb_to_recordset, whole person", async () => {
      for (let start = 0; start < mapped.length; start += BATCH) {
        const rows = mapped.slice(start, start + BATCH).map((record, offset) => ({ person_id: ids[start + offset], new_value: record.mapped }));
        await withTenant(app, tenantId, (tx) => tx.$executeRaw`
          INSERT INTO person_history (tenant_id, person_id, field, kind, old_value, new_value, cause, import_id, at)
          SELECT ${tenantId}::uuid, r.person_id, '*', 'added', NULL, r.new_value, 'import', ${importA.id}::uuid, now()
          FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(person_id uuid, new_value jsonb)`);
      }
    });
    const historyNull = await time("personHistory.createMany, newValue null", () => batches(historyRows(false)));
    console.log(`\nhistory of ${mapped.length} new persons:`);
    console.log(`  ${historyCurrent.label.padEnd(44)} ${s(historyCurrent.ms)} s`);
    console.log(`  ${historyRaw.label.padEnd(44)} ${s(historyRaw.ms)} s  (${(historyCurrent.ms / historyRaw.ms).toFixed(1)}× faster)`);
    console.log(`  ${historyNull.label.padEnd(44)} ${s(historyNull.ms)} s  (${(historyCurrent.ms / historyNull.ms).toFixed(1)}× faster)`);

    // 3. Comparing a stored (jsonb-ordered) person with a freshly mapped one.
    const before = mapped.map((record) => asJsonb(JSON.parse(JSON.stringify(record.mapped))));
    const after = mapped.map((record) => record.mapped);
    const canonical = await time("canonicalJson(a) === canonicalJson(b)", () => before.filter((value, index) => canonicalJson(value) === canonicalJson(after[index])).length);
    const deep = await time("isDeepStrictEqual(a, b)", () => before.filter((value, index) => isDeepStrictEqual(value, after[index])).length);
    console.log(`\nunchanged? for ${mapped.length} persons (all equal; canonical says ${canonical.value}, deep equality ${deep.value}):`);
    console.log(`  ${canonical.label.padEnd(44)} ${s(canonical.ms)} s`);
    console.log(`  ${deep.label.padEnd(44)} ${s(deep.ms)} s  (${(canonical.ms / deep.ms).toFixed(1)}× faster)`);
  } finally {
    await app.$disconnect();
    await owner.$disconnect();
    await database.drop();
    await rm(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
