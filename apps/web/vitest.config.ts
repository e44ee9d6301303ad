import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "e2e",
          pool: "forks",
          execArgv: ["--no-node-snapshot"],
          include: ["e2e/**/*.e2e.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // startTestStack() clones the run's migrated template database, which this builds once.
          globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
          // One browser and one API stack per file; running files side by side only fights for CPU.
          fileParallelism: false,
        },
      },
    ],
  },
});
