import { MAX_TARGET_ACTION_TIMEOUT_MS, MAX_TARGET_MEMORY_MB } from "@idlife/sandbox";
import { z } from "zod";
import { scriptConnector } from "../../script/script-connector.ts";
import { scriptSettingsSchema } from "../../script/script-settings.ts";
import { moveSecretLookingValues } from "../../secret-settings.ts";

/**
 * A script target system: the same script, config and allowed hosts as a script source (secret-
 * looking config values move to the secrets the same way), with limits per action rather than
 * per run, since each create, update or grant is one call of the script.
 */
export const scriptTargetSettingsSchema = scriptSettingsSchema.omit({ timeoutMs: true, memoryLimitMb: true }).extend({
  /** Wall-clock limit of one action, HTTP waits included (default 30 s). */
  actionTimeoutMs: z.number().int().min(1_000).max(MAX_TARGET_ACTION_TIMEOUT_MS).optional(),
  /** Memory of the script's isolate (default 128 MB). */
  memoryLimitMb: z.number().int().min(16).max(MAX_TARGET_MEMORY_MB).optional(),
});

export type ScriptTargetSettingsInput = z.input<typeof scriptTargetSettingsSchema>;
export type ScriptTargetSettings = z.output<typeof scriptTargetSettingsSchema>;

/**
 * Moves secret-looking values of `config` (apiKey, token, password, ...) into the secrets, by the
 * same rules as a script source system: they are stored encrypted and reach the script only as
 * `{{secret:NAME}}` placeholders. (The target contract has no `secretMaps` yet; the engine calls this.)
 */
export function moveScriptTargetSecrets(settings: Record<string, unknown>) {
  return moveSecretLookingValues(scriptConnector, settings);
}
