import { SandboxCrashed, type SandboxProcess } from "../process/sandbox-process.ts";
import type { ConnectorRun, HostCall } from "../process/sandbox-protocol.ts";
import { SandboxError, timeoutMessage } from "../sandbox-error.ts";
import type { ConnectorOutcome } from "./connector-isolate.ts";
import type { HttpBridge } from "./http-bridge.ts";
import type { SecretSubstitution } from "./secrets.ts";

export interface ConnectorRunOptions {
  /** How messages name what ran: "The script connector", "The script's create()". */
  what: string;
  bridge: HttpBridge;
  secrets: SecretSubstitution;
  onLog?: (message: string) => void;
  onProgress?: (progress: { fetched: number }) => void;
  signal?: AbortSignal;
}

/**
 * Runs one script (a source's main() or a target's action) in the given sandbox process and
 * answers with what it returned, or rejects with a SandboxError an administrator can act on.
 * HTTP requests, log lines and progress come back here over IPC: the bridge (allowed hosts,
 * private-network guard, limits, secrets) stays in this process. The time limit and
 * cancellation end the sandbox process, which stops whatever it is doing; so does a V8 crash.
 * The process is left running otherwise: the caller decides when it ends.
 */
export async function runInSandboxProcess(sandbox: SandboxProcess, run: ConnectorRun, options: ConnectorRunOptions): Promise<{ result?: unknown }> {
  const { bridge, secrets, what } = options;
  let stoppedBecause: "timeout" | "cancelled" | undefined;
  const stop = (reason: "timeout" | "cancelled") => {
    stoppedBecause ??= reason;
    bridge.abort();
    sandbox.stop(reason);
  };
  const timer = setTimeout(() => stop("timeout"), run.timeoutMs);
  const onAbort = () => stop("cancelled");
  options.signal?.addEventListener("abort", onAbort);

  const onCall = (call: HostCall) => {
    if (call.kind === "log") options.onLog?.(secrets.redactText(call.message));
    else if (call.kind === "progress") options.onProgress?.({ fetched: call.fetched });
    else void bridge.request(call.method, call.url, call.options).then((outcome) => sandbox.notify({ kind: "http-reply", call: call.call, outcome }));
  };

  try {
    if (options.signal?.aborted) throw new SandboxError("cancelled", `${what} run was cancelled`);
    const outcome = await sandbox.request<ConnectorOutcome>({ kind: "connector", run }, onCall);
    if ("failure" in outcome) {
      const { kind, message, line } = outcome.failure;
      throw new SandboxError(kind, secrets.redactText(message), line ?? undefined);
    }
    return outcome;
  } catch (error) {
    if (stoppedBecause === "timeout") throw new SandboxError("timeout", timeoutMessage(what, run.timeoutMs));
    if (stoppedBecause === "cancelled") throw new SandboxError("cancelled", `${what} run was cancelled`);
    if (error instanceof SandboxCrashed) throw new SandboxError("crashed", `${crashedMessage(what)} (${error.detail})`);
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
    bridge.abort();
  }
}

function crashedMessage(what: string): string {
  return (
    `${what} stopped its sandbox process (V8 ran out of memory or crashed); look for a list or text that grows ` +
    "without bound (such as new Array(2 ** 30)) and fetch or keep less at a time"
  );
}
