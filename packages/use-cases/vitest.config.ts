import { defineConfig } from "vitest/config";
import { databaseTestSettings } from "@idlife/db/testing";

export default defineConfig({ test: databaseTestSettings() });
