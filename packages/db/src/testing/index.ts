// Test harness for code that needs a real, migrated PostgreSQL database.
//
//   // vitest.config.ts
//   import { globalSetupPath } from "@idlife/db/testing";
//   export default defineConfig({ test: { globalSetup: [globalSetupPath] } });
//
//   // some.test.ts
//   let db: TestDatabase;
//   beforeAll(async () => { db = await createTestDatabase(); });
//   afterAll(async () => { await db.drop(); });
import { fileURLToPath } from "node:url";

export { createTestDatabase, type TestDatabase, type CreateTestDatabaseOptions } from "./create-test-database.ts";
export { globalSetup } from "./global-setup.ts";
export type { TestDatabaseRun } from "./context.ts";

/** Absolute path of the globalSetup file, for vitest.config.ts. */
export const globalSetupPath = fileURLToPath(new URL("./global-setup.ts", import.meta.url));
export { dumpCatalog, type CatalogDump } from "./catalog.ts";
