import { defineConfig } from "vitest/config";
import { databaseTestSettings } from "./src/testing/index.ts";

export default defineConfig({ test: { ...databaseTestSettings(), teardownTimeout: 30_000 } });
