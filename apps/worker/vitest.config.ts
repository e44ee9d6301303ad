import { defineConfig } from "vitest/config";
import { databaseTestSettings } from "@idlife/db/testing";

export default defineConfig({ test: databaseTestSettings({ sandbox: true, testTimeout: 60_000, hookTimeout: 60_000 }) });
