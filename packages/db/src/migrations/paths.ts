import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (scripts run from packages/db, so never rely on the cwd). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
export const prismaDir = resolve(repoRoot, "prisma");
export const schemaPath = resolve(prismaDir, "schema.prisma");
export const migrationsDir = resolve(prismaDir, "migrations");
/** The schema as of the last migration; rewritten by pnpm db:migration. */
export const snapshotPath = resolve(migrationsDir, "schema.snapshot.prisma");
export const lockfilePath = resolve(migrationsDir, "migration_lock.toml");
