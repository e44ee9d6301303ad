// Test harness for code that needs a real, migrated PostgreSQL database.
//
//   // vitest.config.ts
//   import { databaseTestSettings } from "@idlife/db/testing";
//   export default defineConfig({ test: databaseTestSettings() });
//
//   // some.test.ts
//   let db: TestDatabase;
//   beforeAll(async () => { db = await createTestDatabase(); });
//   afterAll(async () => { await db.drop(); });
export { createTestDatabase, type TestDatabase, type CreateTestDatabaseOptions } from "./create-test-database.ts";
export { globalSetup } from "./global-setup.ts";
export type { TestDatabaseRun } from "./context.ts";
export { databaseTestSettings, globalSetupPath, type DatabaseTestOptions } from "./vitest-settings.ts";
export { dumpCatalog, type CatalogDump } from "./catalog.ts";
