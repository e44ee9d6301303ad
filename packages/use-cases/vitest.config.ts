import { defineConfig } from "vitest/config";
import { globalSetupPath } from "@idlife/db/testing";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One migrated template database per run; each test file clones it (createTestDatabase).
    globalSetup: [globalSetupPath],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
