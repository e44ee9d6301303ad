import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // isolated-vm (the sandbox) asks for --no-node-snapshot; only forked workers can take it.
    pool: "forks",
    execArgv: ["--no-node-snapshot"],
    globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
