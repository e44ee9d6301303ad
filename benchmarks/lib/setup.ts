/**
 * A fresh database with a tenant and the two example CSV source systems (HR: two files +
 * departments, students: one file), configured exactly as examples/sources and examples/mappings
 * say; uploads and queued import rows as the API would create them.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  asTenantId,
  createPrismaClient,
  migrateDatabase,
  resolveDatabaseUrls,
  withDatabaseName,
  withTenant,
  type Prisma,
  type TenantId,
} from "../../packages/db/src/index.ts";
import { connectMaintenance, dropDatabase } from "../../packages/db/src/migrations/admin.ts";
import { createTenant } from "../../packages/use-cases/src/tenants/create-tenant.ts";

const examples = new URL("../../examples/", import.meta.url);
const readJson = async (path: string) => JSON.parse(await readFile(new URL(path, examples), "utf8")) as Record<string, unknown>;

export interface BenchDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  drop(): Promise<void>;
}

/** Creates and migrates `name` (dropping a leftover of the same name first). */
export async function createBenchDatabase(name: string): Promise<BenchDatabase> {
  const urls = resolveDatabaseUrls();
  const ownerUrl = withDatabaseName(urls.ownerUrl, name);
  const appUrl = withDatabaseName(urls.appUrl, name);
  await dropDatabase(urls.ownerUrl, name);
  await migrateDatabase(ownerUrl);
  return { name, ownerUrl, appUrl, drop: () => dropDatabase(urls.ownerUrl, name) };
}

/** Databases left behind by a benchmark run that was killed (their process is gone). */
export async function dropStaleBenchDatabases(prefix: string): Promise<string[]> {
  const urls = resolveDatabaseUrls();
  const admin = await connectMaintenance(urls.ownerUrl);
  const dropped: string[] = [];
  try {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    for (const { datname } of rows) {
      const pid = Number(/_p(\d+)_/.exec(datname)?.[1]);
      let alive = false;
      try {
        if (pid) process.kill(pid, 0);
        alive = Boolean(pid);
      } catch (error) {
        alive = (error as NodeJS.ErrnoException).code === "EPERM";
      }
      if (!alive || pid === process.pid) {
        await dropDatabase(urls.ownerUrl, datname, admin);
        dropped.push(datname);
      }
    }
  } finally {
    await admin.end();
  }
  return dropped;
}

export type SourceKind = "hr" | "students";

export interface BenchTenant {
  tenantId: TenantId;
  sources: Record<SourceKind, string>;
}

/** A tenant (origin "platform", as a platform administrator creates it) with both CSV sources. */
export async function createBenchTenant(owner: Prisma, label: string): Promise<BenchTenant> {
  const { tenant } = await createTenant({ prisma: owner }, {
    name: `Benchmark ${label}`,
    slug: `bench-${label}-${Date.now().toString(36)}`,
    owner: { email: `bench-${label}@bench.example`, displayName: "Benchmark owner" },
    origin: "platform",
  });
  const tenantId = asTenantId(tenant.id);
  const [hrSettings, hrMapping, studentSettings, studentMapping] = await Promise.all([
    readJson("sources/hr-visma-raet.csv-settings.json"),
    readJson("mappings/hr-visma-raet.json"),
    readJson("sources/students.csv-settings.json"),
    readJson("mappings/students.json"),
  ]);
  const sources = await withTenant(owner, tenantId, async (tx) => ({
    hr: (await tx.sourceSystem.create({ data: { tenantId, name: "HR (Visma Raet CSV)", connectorType: "csv", settings: hrSettings as object, mapping: hrMapping as object } })).id,
    students: (await tx.sourceSystem.create({ data: { tenantId, name: "Students (CSV)", connectorType: "csv", settings: studentSettings as object, mapping: studentMapping as object } })).id,
  }));
  return { tenantId, sources };
}

const FILES: Record<SourceKind, Array<{ role: string; file: string }>> = {
  hr: [
    { role: "persons", file: "employees.csv" },
    { role: "contracts", file: "contracts.csv" },
    { role: "departments", file: "departments.csv" },
  ],
  students: [{ role: "persons", file: "students.csv" }],
};

/** Uploads the source's generated files and queues an import of them; returns the import id and upload size. */
export async function queueImport(owner: Prisma, tenant: BenchTenant, kind: SourceKind, dir: string): Promise<{ importId: string; bytes: number }> {
  const { tenantId } = tenant;
  const sourceSystemId = tenant.sources[kind];
  const files = await Promise.all(FILES[kind].map(async ({ role, file }) => ({ role, file, content: await readFile(join(dir, file)) })));
  return withTenant(
    owner,
    tenantId,
    async (tx) => {
      const uploadIds: string[] = [];
      for (const { role, file, content } of files) {
        const upload = await tx.sourceUpload.create({
          data: { tenantId, sourceSystemId, role, fileName: file, sizeBytes: content.length, content: new Uint8Array(content) },
          select: { id: true },
        });
        uploadIds.push(upload.id);
      }
      const run = await tx.import.create({ data: { tenantId, sourceSystemId, status: "queued", trigger: "manual", requestedBy: "benchmark", uploadIds }, select: { id: true } });
      return { importId: run.id, bytes: files.reduce((sum, { content }) => sum + content.length, 0) };
    },
    { timeoutMs: 60_000 },
  );
}

/** What the tenant holds after a round: persons by status, history rows, source records. */
export async function tenantTotals(owner: Prisma, tenantId: TenantId) {
  return withTenant(
    owner,
    tenantId,
    async (tx) => {
      const byStatus = await tx.person.groupBy({ by: ["status"], where: { tenantId }, _count: { _all: true } });
      return {
        persons: Object.fromEntries(byStatus.map((row) => [row.status, row._count._all])) as Record<string, number>,
        history: await tx.personHistory.count({ where: { tenantId } }),
        personSources: await tx.personSource.count({ where: { tenantId } }),
        rawRecords: await tx.rawRecord.count({ where: { tenantId } }),
      };
    },
    { timeoutMs: 60_000 },
  );
}

export { createPrismaClient, type Prisma };
