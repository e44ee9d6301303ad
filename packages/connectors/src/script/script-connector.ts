import { runScriptConnector } from "@idlife/sandbox";
import { defineSourceConnector } from "../source-connector.ts";
import type { RawPerson, RawRecord } from "../types.ts";
import { scriptSettingsSchema, type ScriptSettings } from "./script-settings.ts";

// Runs in packages/sandbox. Its secrets have the names the script uses, not paths into the
// settings: they go to the sandbox beside its config.
export const scriptConnector = defineSourceConnector({
  type: "script",
  label: "Script (JavaScript in a sandbox)",
  description:
    "JavaScript run in an isolated sandbox with memory and time limits and a controlled HTTP bridge; it returns " +
    "{ persons, departments }. For any HR or student system without a built-in connector.",
  settingsSchema: scriptSettingsSchema,
  secretFields: [],
  secretMaps: [{ path: "config", namePrefix: "" }],
  secretNames: "any",
  capabilities: { uploads: false, network: true, departments: true, script: true },
  async fetch(input) {
    const settings = input.settings as Partial<ScriptSettings>;
    if (!settings.script) throw new Error("This script source system has no script; add one in its settings.");
    // The script sees placeholders for the secrets; the bridge sends the values to the allowed
    // hosts, and values that come back are redacted before the records are stored.
    const result = await runScriptConnector(settings.script, {
      config: settings.config ?? {},
      secrets: input.secrets,
      http: { allowedHosts: settings.allowedHosts ?? [], ...(input.fetch ? { fetch: input.fetch } : {}) },
      ...(settings.timeoutMs ? { timeoutMs: settings.timeoutMs } : {}),
      ...(settings.memoryLimitMb ? { memoryLimitMb: settings.memoryLimitMb } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
      onProgress: (progress) => input.onProgress?.({ phase: "persons", records: progress.fetched }),
    });
    return { data: { persons: result.persons as RawPerson[], departments: result.departments as RawRecord[] }, warnings: [] };
  },
});
