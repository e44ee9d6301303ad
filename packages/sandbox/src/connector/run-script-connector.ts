import { z } from "zod";
import { parseOrExplain } from "../parse-or-explain.ts";
import { SandboxCrashed, SandboxProcess } from "../process/sandbox-process.ts";
import type { HostCall, ProcessUsage } from "../process/sandbox-protocol.ts";
import { SandboxError, timeoutMessage } from "../sandbox-error.ts";
import type { ConnectorOutcome } from "./connector-isolate.ts";
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

const CRASHED =
  "The script connector stopped its sandbox process (V8 ran out of memory or crashed); look for a list or text that grows " +
  "without bound (such as new Array(2 ** 30)) and fetch or keep less at a time";

/**
 * Runs a script connector: a module that defines `async function main({ config, secrets, http,
 * log, progress })` (or exports one as default) returning `{ persons, departments }`. It runs in
 * a sandbox process of its own, so a script that makes V8 abort ends that process, not this one.
 * HTTP requests, log lines and progress come back here over IPC: the bridge (allowed hosts,
 * private-network guard, limits, secrets) stays in this process. Rejects with a SandboxError whose
 * message tells the administrator what to fix.
 */
export async function runScriptConnector(script: string, options: ScriptConnectorOptions): Promise<ScriptConnectorResult> {
  const { timeoutMs, memoryLimitMb } = parseOrExplain(optionsSchema, options, "script connector options");
  const config = toJson(options.config);
  const secrets = new SecretSubstitution(options.secrets ?? {});
  const bridge = new HttpBridge(options.http, secrets);
  const sandbox = new SandboxProcess("script connector");

  // The run's limit and cancellation end the sandbox process, which stops whatever it is doing.
  let stoppedBecause: "timeout" | "cancelled" | undefined;
  const stop = (reason: "timeout" | "cancelled") => {
    stoppedBecause ??= reason;
    bridge.abort();
    sandbox.stop(reason);
  };
  const timer = setTimeout(() => stop("timeout"), timeoutMs);
  const onAbort = () => stop("cancelled");
  options.signal?.addEventListener("abort", onAbort);

  const onCall = (call: HostCall) => {
    if (call.kind === "log") options.onLog?.(secrets.redactText(call.message));
    else if (call.kind === "progress") options.onProgress?.({ fetched: call.fetched });
    else void bridge.request(call.method, call.url, call.options).then((outcome) => sandbox.notify({ kind: "http-reply", call: call.call, outcome }));
  };

  try {
    if (options.signal?.aborted) throw new SandboxError("cancelled", "The script connector run was cancelled");
    await sandbox.start();
    const run = { script, config, secrets: secrets.placeholders(), timeoutMs, memoryLimitMb };
    const outcome = await sandbox.request<ConnectorOutcome>({ kind: "connector", run }, onCall);
    if (options.onUsage) options.onUsage(await sandbox.request<ProcessUsage>({ kind: "usage" }));
    if ("failure" in outcome) {
      const { kind, message, line } = outcome.failure;
      throw new SandboxError(kind, secrets.redactText(message), line ?? undefined);
    }
    return secrets.redact(validateConnectorResult(outcome));
  } catch (error) {
    if (stoppedBecause === "timeout") throw new SandboxError("timeout", timeoutMessage("The script connector", timeoutMs));
    if (stoppedBecause === "cancelled") throw new SandboxError("cancelled", "The script connector run was cancelled");
    if (error instanceof SandboxCrashed) throw new SandboxError("crashed", `${CRASHED} (${error.detail})`);
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
    bridge.abort();
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
