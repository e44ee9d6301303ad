import { fileURLToPath } from "node:url";

/** Absolute path of the globalSetup file, for vitest.config.ts. */
export const globalSetupPath = fileURLToPath(new URL("./global-setup.ts", import.meta.url));

export interface DatabaseTestOptions {
  /** The tests start the script sandbox (isolated-vm), which asks for --no-node-snapshot. */
  sandbox?: boolean;
  testTimeout?: number;
  hookTimeout?: number;
}

/**
 * The `test` settings of a package whose tests use the real database: one migrated template
 * database per run, which each test file clones (createTestDatabase).
 */
export function databaseTestSettings(options: DatabaseTestOptions = {}) {
  return {
    include: ["test/**/*.test.ts"],
    globalSetup: [globalSetupPath],
    testTimeout: options.testTimeout ?? 30_000,
    hookTimeout: options.hookTimeout ?? 30_000,
    // Only forked workers can take --no-node-snapshot (isolates built from different snapshots
    // can crash the process).
    ...(options.sandbox ? { pool: "forks" as const, execArgv: ["--no-node-snapshot"] } : {}),
  };
}
