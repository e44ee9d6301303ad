// The migrations against a real PostgreSQL: they build exactly what schema.prisma describes,
// no schema change is left without a migration, and applying them again changes nothing.
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  diffSchemas,
  loadMigrations,
  migrateDatabase,
  pendingSchemaChanges,
  schemaSource,
} from "../src/migrations/index.ts";
import { lockfilePath } from "../src/migrations/paths.ts";
import { createTestDatabase, dumpCatalog, type TestDatabase } from "../src/testing/index.ts";

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function migrationRows(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT id, checksum, migration_name, started_at, finished_at, logs, rolled_back_at, applied_steps_count
       FROM _prisma_migrations ORDER BY migration_name, started_at`,
    );
    return rows;
  });
}

describe("migrations", () => {
  const databases: TestDatabase[] = [];
  let migrated: TestDatabase;
  let fromSchema: TestDatabase;

  beforeAll(async () => {
    [migrated, fromSchema] = await Promise.all([
      createTestDatabase({ empty: true }),
      createTestDatabase({ empty: true }),
    ]);
    databases.push(migrated, fromSchema);
  });

  afterAll(async () => {
    await Promise.all(databases.map((db) => db.drop()));
  });

  it("applies every migration to a fresh database and builds exactly what schema.prisma describes", async () => {
    const { migrationDirectories } = await loadMigrations();
    expect(migrationDirectories.length).toBeGreaterThan(0);

    const result = await migrateDatabase(migrated.ownerUrl);
    expect(result.createdDatabase).toBe(false);
    expect(result.applied).toEqual(migrationDirectories.map((dir) => dir.path));

    // The reference: the engine's script for the whole schema, applied to an empty database.
    const script = await diffSchemas({ tag: "empty" }, await schemaSource());
    expect(script).toContain("CREATE TABLE");
    await withClient(fromSchema.ownerUrl, (client) => client.query(script));

    const actual = await withClient(migrated.ownerUrl, (client) => dumpCatalog(client));
    const expected = await withClient(fromSchema.ownerUrl, (client) => dumpCatalog(client));
    expect(actual.tables.length).toBeGreaterThan(0);
    expect(actual).toEqual(expected);
  });

  it("has a migration for every change to schema.prisma", async () => {
    const pending = await pendingSchemaChanges();
    if (pending !== "") {
      expect.fail(
        "prisma/schema.prisma has changes that no migration contains: run pnpm db:migration <name>\n\n" + pending,
      );
    }
    expect(await readFile(lockfilePath, "utf8")).toMatch(/provider = "postgresql"/);
  });

  it("applies nothing and changes nothing when run again", async () => {
    // Runs after the first test, on the database it migrated.
    const before = await withClient(migrated.ownerUrl, (client) => dumpCatalog(client, { security: true }));
    const rowsBefore = await migrationRows(migrated.ownerUrl);
    expect(rowsBefore.length).toBeGreaterThan(0);
    expect(rowsBefore.every((row) => row.finished_at !== null && row.rolled_back_at === null)).toBe(true);

    const again = await migrateDatabase(migrated.ownerUrl);
    expect(again.applied).toEqual([]);
    expect(again.createdDatabase).toBe(false);

    expect(await withClient(migrated.ownerUrl, (client) => dumpCatalog(client, { security: true }))).toEqual(before);
    expect(await migrationRows(migrated.ownerUrl)).toEqual(rowsBefore);
  });

  it("runs a migration as one script: dollar-quoted bodies survive, a failure leaves nothing behind", async () => {
    const dir = await mkdtemp(join(tmpdir(), "idlife-migrations-"));
    const db = await createTestDatabase({ empty: true });
    databases.push(db);
    try {
      await writeFile(join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
      await mkdir(join(dir, "20000101000000_first"));
      await writeFile(
        join(dir, "20000101000000_first", "migration.sql"),
        `CREATE TABLE a (id int);
         DO $$ BEGIN PERFORM 1; PERFORM 2; END $$;
         CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;`,
      );
      expect((await migrateDatabase(db.ownerUrl, { migrationsDir: dir })).applied).toEqual(["20000101000000_first"]);

      await mkdir(join(dir, "20000101000001_broken"));
      await writeFile(
        join(dir, "20000101000001_broken", "migration.sql"),
        "CREATE TABLE b (id int);\nSELECT no_such_function();\n",
      );
      await expect(migrateDatabase(db.ownerUrl, { migrationsDir: dir })).rejects.toThrow(/no_such_function/);
      const tables = await withClient(db.ownerUrl, async (client) => {
        const { rows } = await client.query("SELECT to_regclass('public.a') AS a, to_regclass('public.b') AS b");
        return rows[0];
      });
      expect(tables).toEqual({ a: "a", b: null });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
