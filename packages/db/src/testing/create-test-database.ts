import pg from "pg";
import { resolveDatabaseUrls, withDatabaseName } from "../config.ts";
import { connectMaintenance, dropDatabase } from "../migrations/admin.ts";
import { ENV_CLONE_PREFIX, ENV_TEMPLATE, PROVIDE_KEY, type TestDatabaseRun } from "./context.ts";
import { randomSuffix } from "./names.ts";

export interface TestDatabase {
  name: string;
  /** Owner connection: seed rows here (bypasses row-level security). */
  ownerUrl: string;
  /** Application role (idlife_app) connection: row-level security applies. */
  appUrl: string;
  /** Drops the database, ending its remaining sessions. */
  drop(): Promise<void>;
}

async function currentRun(): Promise<TestDatabaseRun> {
  try {
    const { inject } = await import("vitest");
    const run = inject(PROVIDE_KEY);
    if (run) return run;
  } catch {
    // Not inside a Vitest worker: fall back to the environment.
  }
  const template = process.env[ENV_TEMPLATE];
  const clonePrefix = process.env[ENV_CLONE_PREFIX];
  if (template && clonePrefix) return { template, clonePrefix };
  throw new Error(
    'createTestDatabase() needs the test database template: add globalSetup: [globalSetupPath] (from "@idlife/db/testing") to vitest.config.ts',
  );
}

export interface CreateTestDatabaseOptions {
  /** An empty database (no migration applied) instead of a copy of the migrated template. */
  empty?: boolean;
}

/**
 * A fresh, fully migrated database of its own for one test file (call it in beforeAll and
 * drop() it in afterAll). It is a copy of the run's template, made in a fraction of a second.
 * The run's teardown drops it anyway if drop() is never called.
 */
export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const run = await currentRun();
  const source = options.empty ? "template1" : run.template;
  const { ownerUrl: baseUrl, appUrl: baseAppUrl } = resolveDatabaseUrls();
  const name = `${run.clonePrefix}${randomSuffix()}`;
  const admin = await connectMaintenance(baseUrl);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(source)}`);
        // Database-level privileges are not copied from a template: repeat what the init
        // migration does to the database itself.
        if (!options.empty) await admin.query(`REVOKE TEMPORARY ON DATABASE ${pg.escapeIdentifier(name)} FROM PUBLIC`);
        break;
      } catch (error) {
        // 55006: "source database is being accessed by other users" (e.g. autovacuum, briefly).
        if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  const appUrl = withDatabaseName(baseAppUrl, name);
  return {
    name,
    ownerUrl: withDatabaseName(baseUrl, name),
    appUrl,
    drop: () => dropDatabase(baseUrl, name),
  };
}
