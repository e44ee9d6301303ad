// Applying the migrations in prisma/migrations with Prisma's WebAssembly schema engine.
// The engine records them in _prisma_migrations exactly like `prisma migrate deploy`, so either
// tool can be used on a database the other one migrated.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { MigrationDirectory, MigrationList } from "@prisma/schema-engine-wasm";
import { databaseNameOf, redactUrl, resolveDatabaseUrls } from "../config.ts";
import { connectionError, connectMaintenance, ensureAppRole, ensureDatabase } from "./admin.ts";
import { callEngine, noFilters, openSchemaEngine } from "./engine.ts";
import { migrationsDir as defaultMigrationsDir } from "./paths.ts";

/** Reads prisma/migrations the way the Prisma CLI does: one directory per migration, sorted. */
export async function loadMigrations(dir: string = defaultMigrationsDir): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories: MigrationDirectory[] = [];
  for (const name of names) {
    const file = join(dir, name, "migration.sql");
    let content: MigrationDirectory["migrationFile"]["content"];
    try {
      content = { tag: "ok", value: await readFile(file, "utf8") };
    } catch (error) {
      content = { tag: "error", value: `Could not read ${file}: ${(error as Error).message}` };
    }
    migrationDirectories.push({ path: name, migrationFile: { path: "migration.sql", content } });
  }
  const lockfile = join(dir, "migration_lock.toml");
  const lockContent = await stat(lockfile).then(
    () => readFile(lockfile, "utf8"),
    () => null,
  );
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

export interface MigrateOptions {
  /** Progress messages; silent by default. */
  log?: (message: string) => void;
  /** Password given to the application role (default: from resolveDatabaseUrls()). */
  appPassword?: string;
  /** Where the migrations are (default: <repo>/prisma/migrations). */
  migrationsDir?: string;
}

export interface MigrateResult {
  database: string;
  /** The database did not exist and was created. */
  createdDatabase: boolean;
  /** Names of the migrations applied by this call, oldest first (empty: was up to date). */
  applied: string[];
}

/**
 * Brings the database `ownerUrl` points to up to date:
 * 1. creates the database when it is missing,
 * 2. makes sure the application role idlife_app exists (LOGIN, its password, NOSUPERUSER,
 *    NOBYPASSRLS),
 * 3. applies the migrations not yet recorded in _prisma_migrations.
 * Idempotent. `ownerUrl` must be the owner's (or a superuser's) connection.
 */
export async function migrateDatabase(ownerUrl: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const database = databaseNameOf(ownerUrl);
  const { appRole, appPassword } = resolveDatabaseUrls();

  const admin = await connectMaintenance(ownerUrl);
  let createdDatabase: boolean;
  try {
    createdDatabase = await ensureDatabase(ownerUrl, admin);
    if (createdDatabase) log(`created database ${database}`);
    try {
      await ensureAppRole(admin, appRole, options.appPassword ?? appPassword);
    } catch (error) {
      // An owner without CREATEROLE: the role is then the database administrator's business.
      if ((error as { code?: string }).code !== "42501") throw error;
      log(`warning: cannot create or alter role ${appRole} (${(error as Error).message}); it must exist with LOGIN`);
    }
  } finally {
    await admin.end();
  }

  const migrationsList = await loadMigrations(options.migrationsDir);
  let handle;
  try {
    handle = await openSchemaEngine({ connectionString: ownerUrl });
  } catch (error) {
    throw connectionError(ownerUrl, error);
  }
  let applied: string[];
  try {
    const result = await callEngine(() => handle.engine.applyMigrations({ migrationsList, filters: noFilters }));
    applied = result.appliedMigrationNames;
  } catch (error) {
    throw new Error(`Migrating ${redactUrl(ownerUrl)} failed: ${(error as Error).message}`, { cause: error });
  } finally {
    await handle.close();
  }
  if (applied.length === 0) {
    log(`database ${database} is up to date`);
  } else {
    log(`${applied.length} migration${applied.length === 1 ? "" : "s"} applied to ${database}: ${applied.join(", ")}`);
  }
  return { database, createdDatabase, applied };
}
