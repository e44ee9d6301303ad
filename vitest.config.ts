import { defineConfig } from "vitest/config";

// One run over every package: unit tests, integration tests against the real PostgreSQL and
// Redis, and the browser tests.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*"],
  },
});
