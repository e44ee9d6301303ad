import { z } from "zod";
import { parseOrExplain } from "../parse-or-explain.ts";
import { SandboxProcess } from "../process/sandbox-process.ts";
import type { ProcessUsage } from "../process/sandbox-protocol.ts";
import { runInSandboxProcess } from "./connector-run.ts";
import { type ScriptConnectorResult, validateConnectorResult } from "./connector-result.ts";
import { HttpBridge, type HttpBridgeOptions } from "./http-bridge.ts";
import { SecretSubstitution } from "./secrets.ts";

export interface ScriptConnectorOptions {
  /** The source system's settings, as JSON; handed to main() as `config`. */
  config: Record<string, unknown>;
  /**
   * Secret settings by name. The script sees `secrets.NAME` only as a placeholder
   * (`{{secret:NAME}}`), which the HTTP bridge replaces with the value in requests to hosts listed
   * by name in `http.allowedHosts`; values that come back anyway are redacted from the result.
   */
  secrets?: Record<string, string>;
  http: HttpBridgeOptions;
  /** Wall-clock limit of the whole run, HTTP waits included. Default 5 minutes, at most 30. */
  timeoutMs?: number;
  /** Default 256 MB, at most 1024. */
  memoryLimitMb?: number;
  /** Receives each `log(...)` / `console.log(...)` line, formatted as text, secrets redacted. */
  onLog?: (message: string) => void;
  onProgress?: (progress: { fetched: number }) => void;
  /** Stops the run (e.g. the import job was cancelled): its sandbox process is ended. */
  signal?: AbortSignal;
  /** After the run: the most memory its sandbox process held. */
  onUsage?: (usage: ProcessUsage) => void;
}

export const MAX_CONNECTOR_TIMEOUT_MS = 30 * 60_000;
export const MAX_CONNECTOR_MEMORY_MB = 1024;

const optionsSchema = z.object({
  timeoutMs: z.number().int().min(1).max(MAX_CONNECTOR_TIMEOUT_MS).default(5 * 60_000),
  memoryLimitMb: z.number().int().min(8).max(MAX_CONNECTOR_MEMORY_MB).default(256),
});

/**
 * Runs a script connector: a module that defines `async function main({ config, secrets, http,
 * log, progress })` (or exports one as default) returning `{ persons, departments }`. It runs in
 * a sandbox process of its own, so a script that makes V8 abort ends that process, not this one.
 * Rejects with a SandboxError whose message tells the administrator what to fix.
 */
export async function runScriptConnector(script: string, options: ScriptConnectorOptions): Promise<ScriptConnectorResult> {
  const { timeoutMs, memoryLimitMb } = parseOrExplain(optionsSchema, options, "script connector options");
  const config = toJson(options.config);
  const secrets = new SecretSubstitution(options.secrets ?? {});
  const bridge = new HttpBridge(options.http, secrets);
  const sandbox = new SandboxProcess("script connector");
  const reportUsage = async () => {
    if (options.onUsage) options.onUsage(await sandbox.request<ProcessUsage>({ kind: "usage" }));
  };

  try {
    const run = { script, config, secrets: secrets.placeholders(), timeoutMs, memoryLimitMb };
    const outcome = await runInSandboxProcess(sandbox, run, { ...options, what: "The script connector", bridge, secrets }).catch(async (error: unknown) => {
      // A script that failed (not one that crashed the process) still reports what it used.
      await reportUsage().catch(() => undefined);
      throw error;
    });
    await reportUsage();
    return secrets.redact(validateConnectorResult(outcome));
  } finally {
    sandbox.stop("finished");
  }
}

function toJson(config: Record<string, unknown>): unknown {
  try {
    return JSON.parse(JSON.stringify(config ?? {}));
  } catch (error) {
    throw new Error(`The connector configuration must be plain JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
