import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The HTTP tests run real servers on 127.0.0.1 and one waits out a Retry-After of a second.
    testTimeout: 20_000,
  },
});
