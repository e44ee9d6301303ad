// Vitest globalSetup: builds ONE migrated template database per test run; each test file clones it
// with createTestDatabase() (CREATE DATABASE ... TEMPLATE, a file copy: much faster than
// migrating). Teardown drops the template and every clone of the run.
//
// vitest.config.ts:  test: { globalSetup: [globalSetupPath] }   (globalSetupPath from
// "@idlife/db/testing"), or the path of this file.
import type { TestProject } from "vitest/node";
import pg from "pg";
import { resolveDatabaseUrls, withDatabaseName } from "../config.ts";
import { connectMaintenance } from "../migrations/admin.ts";
import { migrateDatabase } from "../migrations/migrate.ts";
import { ENV_CLONE_PREFIX, ENV_TEMPLATE, PROVIDE_KEY, type TestDatabaseRun } from "./context.ts";
import { TEST_DB_PREFIX, clonePrefix, newRunId, ownerPid, templateName } from "./names.ts";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function dropAll(client: pg.Client, names: string[]): Promise<void> {
  for (const name of names) {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  }
}

/** Lists the test databases whose names satisfy `keep`. */
async function testDatabases(client: pg.Client, keep: (name: string) => boolean): Promise<string[]> {
  const { rows } = await client.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname",
    [TEST_DB_PREFIX],
  );
  return rows.map((row) => row.datname).filter(keep);
}

/**
 * Creates and migrates the template, provides its name to the tests, returns the teardown.
 * Throws (never skips) when PostgreSQL is unreachable.
 */
export async function globalSetup(project?: Pick<TestProject, "provide">): Promise<() => Promise<void>> {
  const { ownerUrl } = resolveDatabaseUrls();
  const runId = newRunId();
  const template = templateName(runId);
  const run: TestDatabaseRun = { template, clonePrefix: clonePrefix(runId) };

  const admin = await connectMaintenance(ownerUrl);
  try {
    // Databases left by runs that crashed (their process is gone).
    const stale = await testDatabases(admin, (name) => {
      const pid = ownerPid(name);
      return pid !== undefined && pid !== process.pid && !isAlive(pid);
    });
    await dropAll(admin, stale);

    await migrateDatabase(withDatabaseName(ownerUrl, template));
    // Nobody may connect to the template any more: CREATE DATABASE ... TEMPLATE needs it idle.
    await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(template)} WITH ALLOW_CONNECTIONS false`);
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [template],
    );
  } catch (error) {
    await dropAll(admin, [template]).catch(() => {});
    await admin.end();
    throw error;
  }
  await admin.end();

  project?.provide(PROVIDE_KEY, run);
  process.env[ENV_TEMPLATE] = run.template;
  process.env[ENV_CLONE_PREFIX] = run.clonePrefix;

  return async function teardown() {
    const client = await connectMaintenance(ownerUrl);
    try {
      const mine = await testDatabases(client, (name) => name === template || name.startsWith(run.clonePrefix));
      await dropAll(client, mine);
    } finally {
      await client.end();
    }
  };
}

export default globalSetup;
