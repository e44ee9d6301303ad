import ivm from "isolated-vm";
import { describeCompileError, isIsolateTimeout, memoryMessage, SandboxError, type SandboxErrorKind, timeoutMessage } from "../sandbox-error.ts";
import type { ConnectorRun } from "../process/sandbox-protocol.ts";
import { CONNECTOR_FILENAME, connectorPreludeSource, entryExportSource, MAIN_EXPORT, mainExportSource } from "./connector-prelude-source.ts";

/** What the isolate may ask of the parent process: it performs HTTP, logs and shows progress. */
export interface ConnectorHost {
  request(method: unknown, url: unknown, options: unknown): Promise<unknown>;
  log(message: string): void;
  progress(fetched: number): void;
}

export type ConnectorOutcome = { result?: unknown } | { failure: { kind: SandboxErrorKind; message: string; line: number | null } };

/** isolated-vm's answer to a dynamic import(), thrown in the script or from outside its reach. */
const IMPORT_REFUSED = "Script connectors cannot import modules (import() was called); everything must be in the script itself";
const MAX_LOG_LINES = 10_000;
const MAX_LOG_LINE_LENGTH = 10_000;

/**
 * Runs a script connector's main() in a fresh isolate of this (sandbox) process and answers with
 * what it returned or why it failed; never throws for the script's sake. The run's overall time
 * limit and cancellation are the parent's: it ends this process.
 */
export async function runConnectorInIsolate(run: ConnectorRun, host: ConnectorHost): Promise<ConnectorOutcome> {
  const isolate = new ivm.Isolate({ memoryLimit: run.memoryLimitMb });
  try {
    const outcome = JSON.parse(await execute(isolate, run, host)) as ConnectorOutcome;
    if ("failure" in outcome && outcome.failure.message === "Not supported") return failure("syntax", IMPORT_REFUSED, outcome.failure.line ?? undefined);
    return outcome;
  } catch (error) {
    const what = run.action ? `The script's ${run.action.name}()` : "The script connector";
    if (isIsolateTimeout(error)) return failure("timeout", timeoutMessage(what, run.timeoutMs));
    if (isolate.isDisposed) return failure("memory", memoryMessage(what, run.memoryLimitMb));
    if (error instanceof SandboxError) return failure(error.kind, error.message.replace(/^Line \d+: /, ""), error.line);
    const message = error instanceof Error ? error.message : String(error);
    // isolated-vm refuses a dynamic import() from outside the script's own try/catch.
    if (message === "Not supported") return failure("syntax", IMPORT_REFUSED);
    return failure("runtime", message);
  } finally {
    if (!isolate.isDisposed) isolate.dispose();
  }
}

function failure(kind: SandboxErrorKind, message: string, line?: number): ConnectorOutcome {
  return { failure: { kind, message, line: line ?? null } };
}

async function execute(isolate: ivm.Isolate, run: ConnectorRun, host: ConnectorHost): Promise<string> {
  const { script, timeoutMs } = run;
  const context = await isolate.createContext();
  const main = await context.evalClosure(
    connectorPreludeSource,
    [
      new ivm.Reference((method: unknown, url: unknown, requestOptions: unknown) => host.request(method, url, requestOptions)),
      new ivm.Reference(limitedLogger(host.log)),
      new ivm.Reference((fetched: number) => host.progress(fetched)),
      new ivm.ExternalCopy(run.config).copyInto({ release: true }),
      new ivm.ExternalCopy(run.secrets).copyInto({ release: true }),
    ],
    { result: { reference: true }, timeout: timeoutMs },
  );

  let module: ivm.Module;
  try {
    const entrySource = run.action ? entryExportSource(run.action.name) : mainExportSource;
    module = await isolate.compileModule(script + entrySource, { filename: CONNECTOR_FILENAME });
  } catch (error) {
    if (isolate.isDisposed) throw error;
    const { message, line } = describeCompileError(error, CONNECTOR_FILENAME, script);
    throw new SandboxError("syntax", message, line);
  }
  const imports = module.dependencySpecifiers;
  if (imports.length > 0) {
    throw new SandboxError("syntax", `Script connectors cannot import modules (found '${imports[0]}'); everything must be in the script itself`);
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

  const entry = run.action ? await actionEntry(module, run.action.name) : await mainEntry(module);
  const action = run.action ? new ivm.ExternalCopy(run.action).copyInto({ release: true }) : undefined;
  return (await main.apply(undefined, [entry.derefInto(), action], { result: { promise: true, copy: true }, timeout: timeoutMs })) as string;
}

/** A source script's main: exported as default, or defined at the top level. */
async function mainEntry(module: ivm.Module): Promise<ivm.Reference> {
  const exported = await module.namespace.get("default", { reference: true });
  return exported.typeof === "function" ? exported : module.namespace.get(MAIN_EXPORT, { reference: true });
}

/** A target script's action function: exported under the action's name, defined at the top level, or a method of the default export. */
async function actionEntry(module: ivm.Module, name: string): Promise<ivm.Reference> {
  const named = await module.namespace.get(name, { reference: true });
  if (named.typeof === "function") return named;
  const topLevel = await module.namespace.get(MAIN_EXPORT, { reference: true });
  if (topLevel.typeof === "function") return topLevel;
  const exported = await module.namespace.get("default", { reference: true });
  return exported.typeof === "object" ? exported.get(name, { reference: true }) : topLevel;
}

function topLevelError(error: unknown): SandboxError {
  if (!(error instanceof Error)) return new SandboxError("runtime", String(error));
  const location = new RegExp(`${CONNECTOR_FILENAME.replace(".", "\\.")}:(\\d+)`).exec(error.stack ?? "");
  const name = error.name !== "Error" ? `${error.name}: ` : "";
  return new SandboxError("runtime", `${name}${error.message}`, location ? Number(location[1]) : undefined);
}

/** Caps what a chatty or hostile script can push to the parent and into its logs. */
function limitedLogger(log: (message: string) => void) {
  let lines = 0;
  return (message: string) => {
    lines++;
    if (lines > MAX_LOG_LINES + 1) return;
    if (lines === MAX_LOG_LINES + 1) return log(`Further log lines were dropped: the limit is ${MAX_LOG_LINES} per run`);
    log(message.length > MAX_LOG_LINE_LENGTH ? `${message.slice(0, MAX_LOG_LINE_LENGTH)}…` : message);
  };
}
