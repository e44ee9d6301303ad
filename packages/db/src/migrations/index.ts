export { migrateDatabase, loadMigrations, type MigrateOptions, type MigrateResult } from "./migrate.ts";
export {
  createMigration,
  pendingSchemaChanges,
  snapshotSource,
  schemaSource,
  validateMigrationName,
  migrationTimestamp,
  type CreateMigrationResult,
} from "./create.ts";
export {
  openSchemaEngine,
  diffSchemas,
  isEmptyScript,
  type DiffSource,
  type EngineHandle,
  type OpenEngineOptions,
} from "./engine.ts";
export { connectClient, connectMaintenance, ensureDatabase, ensureAppRole, dropDatabase, connectionError } from "./admin.ts";
export { repoRoot, schemaPath, migrationsDir, snapshotPath, lockfilePath } from "./paths.ts";
