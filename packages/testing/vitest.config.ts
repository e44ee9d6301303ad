import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The factories start the worker, whose sandbox (isolated-vm) asks for --no-node-snapshot.
    pool: "forks",
    execArgv: ["--no-node-snapshot"],
    globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
