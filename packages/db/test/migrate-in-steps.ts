// For tests of a data migration: a database migrated up to just before one migration, rows
// written as they were then, and the rest applied.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, migrationsDir } from "../src/migrations/index.ts";
import type { TestDatabase } from "../src/testing/index.ts";

/** Applies every migration before the one named `*_<name>`; `rest()` applies it and those after, returning their names. */
export async function migrateUpTo(db: TestDatabase, name: string) {
  const all = (await readdir(migrationsDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const cut = all.findIndex((entry) => entry.endsWith(`_${name}`));
  if (cut <= 0) throw new Error(`No migration named ${name} after the first one`);
  const dir = await mkdtemp(join(tmpdir(), `idlife-migration-${name}-`));
  const copy = async (names: string[]) => {
    for (const entry of names) await cp(join(migrationsDir, entry), join(dir, entry), { recursive: true });
  };
  await cp(join(migrationsDir, "migration_lock.toml"), join(dir, "migration_lock.toml"));
  await copy(all.slice(0, cut));
  await migrateDatabase(db.ownerUrl, { migrationsDir: dir });
  return {
    later: all.slice(cut),
    async rest(): Promise<string[]> {
      await copy(all.slice(cut));
      return (await migrateDatabase(db.ownerUrl, { migrationsDir: dir })).applied;
    },
    cleanUp: () => rm(dir, { recursive: true, force: true }),
  };
}
