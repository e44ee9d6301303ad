// Tests of a data migration: a database migrated up to just before it, rows in the state the
// earlier code left them, then the migration and everything after it.
import { randomUUID } from "node:crypto";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { expect } from "vitest";
import { migrateDatabase, migrationsDir } from "../src/migrations/index.ts";
import { createTestDatabase } from "../src/testing/index.ts";

/**
 * Runs `test` on a database of its own, migrated up to the migration named `name` (without it);
 * `migrateRest` applies that migration and the later ones. The database is dropped afterwards.
 */
export async function aroundMigration(name: string, test: (client: pg.Client, migrateRest: () => Promise<void>) => Promise<void>) {
  const all = (await readdir(migrationsDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const cut = all.findIndex((entry) => entry.endsWith(`_${name}`));
  expect(cut, `a migration named ${name}`).toBeGreaterThan(0);
  const dir = await mkdtemp(join(tmpdir(), "idlife-data-migration-"));
  const db = await createTestDatabase({ empty: true });
  const client = new pg.Client({ connectionString: db.ownerUrl });
  try {
    await cp(join(migrationsDir, "migration_lock.toml"), join(dir, "migration_lock.toml"));
    for (const entry of all.slice(0, cut)) await cp(join(migrationsDir, entry), join(dir, entry), { recursive: true });
    await migrateDatabase(db.ownerUrl, { migrationsDir: dir });
    await client.connect();
    await test(client, async () => {
      for (const entry of all.slice(cut)) await cp(join(migrationsDir, entry), join(dir, entry), { recursive: true });
      expect((await migrateDatabase(db.ownerUrl, { migrationsDir: dir })).applied).toEqual(all.slice(cut));
    });
  } finally {
    await client.end().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    await db.drop();
  }
}

/** A tenant 'School' to seed the earlier rows in, and fresh ids under the other names given. */
export async function seedSchool<Name extends string>(client: pg.Client, ...names: Name[]): Promise<Record<"tenant" | Name, string>> {
  const ids = Object.fromEntries(["tenant", ...names].map((name) => [name, randomUUID()])) as Record<"tenant" | Name, string>;
  await client.query(`INSERT INTO tenants (id, name, slug, updated_at) VALUES ($1, 'School', 'school', now())`, [ids.tenant]);
  return ids;
}
