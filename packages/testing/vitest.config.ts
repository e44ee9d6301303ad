import { defineConfig } from "vitest/config";
import { databaseTestSettings } from "@idlife/db/testing";

// The factories start the worker, whose script sandbox needs the forked workers.
export default defineConfig({ test: databaseTestSettings({ sandbox: true, testTimeout: 60_000, hookTimeout: 60_000 }) });
