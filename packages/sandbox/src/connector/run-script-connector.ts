import ivm from "isolated-vm";
import { z } from "zod";
import { parseOrExplain } from "../parse-or-explain.ts";
import {
  describeCompileError,
  isIsolateTimeout,
  memoryMessage,
  SandboxError,
  type SandboxErrorKind,
  timeoutMessage,
} from "../sandbox-error.ts";
import {
  CONNECTOR_FILENAME,
  connectorPreludeSource,
  MAIN_EXPORT,
  mainExportSource,
} from "./connector-prelude-source.ts";
import { type ScriptConnectorResult, validateConnectorResult } from "./connector-result.ts";
import { HttpBridge, type HttpBridgeOptions } from "./http-bridge.ts";

export interface ScriptConnectorOptions {
  /** The source system's settings, as JSON; handed to main() as `config`. */
  config: Record<string, unknown>;
  http: HttpBridgeOptions;
  /** Wall-clock limit of the whole run, HTTP waits included. Default 5 minutes. */
  timeoutMs?: number;
  /** Default 256 MB. */
  memoryLimitMb?: number;
  /** Receives each `log(...)` / `console.log(...)` line, formatted as text. */
  onLog?: (message: string) => void;
  onProgress?: (progress: { fetched: number }) => void;
  /** Stops the run (e.g. the import job was cancelled). */
  signal?: AbortSignal;
}

const optionsSchema = z.object({
  timeoutMs: z.number().int().min(1).default(5 * 60_000),
  memoryLimitMb: z.number().int().min(8).max(8192).default(256),
});

const MAX_LOG_LINES = 10_000;
const MAX_LOG_LINE_LENGTH = 10_000;

/**
 * Runs a script connector: a module that defines `async function main({ config, http, log,
 * progress })` (or exports one as default) returning `{ persons, departments }`. Rejects with a
 * SandboxError whose message tells the administrator what to fix.
 */
export async function runScriptConnector(
  script: string,
  options: ScriptConnectorOptions,
): Promise<ScriptConnectorResult> {
  const { timeoutMs, memoryLimitMb } = parseOrExplain(optionsSchema, options, "script connector options");
  const config = toJson(options.config);
  const bridge = new HttpBridge(options.http);
  const isolate = new ivm.Isolate({ memoryLimit: memoryLimitMb });

  // Async work after an `await` is not covered by isolated-vm's per-call timeout, so the run's
  // limit is a timer that disposes the isolate, which stops whatever it is doing.
  let stoppedBecause: "timeout" | "cancelled" | undefined;
  const stop = (reason: "timeout" | "cancelled") => {
    stoppedBecause ??= reason;
    bridge.abort();
    if (!isolate.isDisposed) isolate.dispose();
  };
  const timer = setTimeout(() => stop("timeout"), timeoutMs);
  const onAbort = () => stop("cancelled");
  if (options.signal?.aborted) stop("cancelled");
  options.signal?.addEventListener("abort", onAbort);

  try {
    const output = await execute(isolate, script, config, bridge, options, timeoutMs);
    const returned = JSON.parse(output) as
      | { failure: { kind: SandboxErrorKind; message: string; line: number | null } }
      | { result?: unknown };
    if ("failure" in returned) {
      const { kind, message, line } = returned.failure;
      throw new SandboxError(kind, message, line ?? undefined);
    }
    return validateConnectorResult(returned);
  } catch (error) {
    if (stoppedBecause === "timeout" || (!stoppedBecause && isIsolateTimeout(error))) {
      throw new SandboxError("timeout", timeoutMessage("The script connector", timeoutMs));
    }
    if (stoppedBecause === "cancelled") throw new SandboxError("cancelled", "The script connector run was cancelled");
    if (isolate.isDisposed) throw new SandboxError("memory", memoryMessage("The script connector", memoryLimitMb));
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
    bridge.abort();
    if (!isolate.isDisposed) isolate.dispose();
  }
}

async function execute(
  isolate: ivm.Isolate,
  script: string,
  config: unknown,
  bridge: HttpBridge,
  options: ScriptConnectorOptions,
  timeoutMs: number,
): Promise<string> {
  const context = await isolate.createContext();
  const run = await context.evalClosure(
    connectorPreludeSource,
    [
      new ivm.Reference((method: unknown, url: unknown, requestOptions: unknown) =>
        bridge.request(method, url, requestOptions),
      ),
      new ivm.Reference(limitedLogger(options.onLog)),
      new ivm.Reference((fetched: number) => options.onProgress?.({ fetched })),
      new ivm.ExternalCopy(config).copyInto({ release: true }),
    ],
    { result: { reference: true }, timeout: timeoutMs },
  );

  let module: ivm.Module;
  try {
    module = await isolate.compileModule(script + mainExportSource, { filename: CONNECTOR_FILENAME });
  } catch (error) {
    if (isolate.isDisposed) throw error;
    const { message, line } = describeCompileError(error, CONNECTOR_FILENAME, script);
    throw new SandboxError("syntax", message, line);
  }
  const imports = module.dependencySpecifiers;
  if (imports.length > 0) {
    throw new SandboxError(
      "syntax",
      `Script connectors cannot import modules (found '${imports[0]}'); everything must be in the script itself`,
    );
  }
  await module.instantiate(context, () => {
    throw new Error("imports are not available");
  });
  try {
    await module.evaluate({ timeout: timeoutMs });
  } catch (error) {
    if (isolate.isDisposed || isIsolateTimeout(error)) throw error;
    // The script's top level (outside main) threw.
    throw topLevelError(error);
  }

  const exported = await module.namespace.get("default", { reference: true });
  const main = exported.typeof === "function" ? exported : await module.namespace.get(MAIN_EXPORT, { reference: true });
  return (await run.apply(undefined, [main.derefInto()], {
    result: { promise: true, copy: true },
    timeout: timeoutMs,
  })) as string;
}

function topLevelError(error: unknown): SandboxError {
  if (!(error instanceof Error)) return new SandboxError("runtime", String(error));
  const location = new RegExp(`${CONNECTOR_FILENAME.replace(".", "\\.")}:(\\d+)`).exec(error.stack ?? "");
  const name = error.name !== "Error" ? `${error.name}: ` : "";
  return new SandboxError("runtime", `${name}${error.message}`, location ? Number(location[1]) : undefined);
}

/** Caps what a chatty or hostile script can push into the host's logs. */
function limitedLogger(onLog: ((message: string) => void) | undefined) {
  let lines = 0;
  return (message: string) => {
    if (!onLog) return;
    lines++;
    if (lines > MAX_LOG_LINES + 1) return;
    if (lines === MAX_LOG_LINES + 1) {
      onLog(`Further log lines were dropped: the limit is ${MAX_LOG_LINES} per run`);
      return;
    }
    onLog(message.length > MAX_LOG_LINE_LENGTH ? `${message.slice(0, MAX_LOG_LINE_LENGTH)}…` : message);
  };
}

function toJson(config: Record<string, unknown>): unknown {
  try {
    return JSON.parse(JSON.stringify(config ?? {}));
  } catch (error) {
    throw new Error(`The connector configuration must be plain JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
