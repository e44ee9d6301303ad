import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // isolated-vm asks for --no-node-snapshot on Node 20+ (isolates built from different
    // snapshots can crash the process); only child processes can take that flag.
    pool: "forks",
    execArgv: ["--no-node-snapshot"],
    testTimeout: 30_000,
  },
});
