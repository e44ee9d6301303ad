import { z } from "zod";
import { runInSandboxProcess } from "../connector/connector-run.ts";
import { HttpBridge, type HttpBridgeOptions } from "../connector/http-bridge.ts";
import { SecretSubstitution } from "../connector/secrets.ts";
import { parseOrExplain } from "../parse-or-explain.ts";
import { SandboxProcess } from "../process/sandbox-process.ts";
import { SandboxError } from "../sandbox-error.ts";
import { type TargetScriptAction, type TargetScriptReturn, validateTargetScriptResult } from "./target-action-result.ts";

export const MAX_TARGET_ACTION_TIMEOUT_MS = 5 * 60_000;
export const MAX_TARGET_MEMORY_MB = 1024;

export interface ScriptTargetOptions {
  /** The target system's settings for the script, as JSON; every action gets them as `config`. */
  config: Record<string, unknown>;
  /** Secret settings by name: the script sees placeholders, the bridge sends the values to hosts listed by name. */
  secrets?: Record<string, string>;
  /** Allowed hosts and limits of the HTTP bridge, per action. */
  http: Omit<HttpBridgeOptions, "readOnly" | "onResponse">;
  /** "plan": the bridge sends only GET and HEAD and reports every other request to onRefusedWrite. */
  mode: "plan" | "apply";
  onRefusedWrite?: (description: string) => void;
  /** Wall-clock limit of one action, HTTP waits included. Default 30 s, at most 5 minutes. */
  timeoutMs?: number;
  /** Default 128 MB, at most 1024. */
  memoryLimitMb?: number;
  onLog?: (message: string) => void;
}

export interface TargetScriptCall {
  /** Secrets of this call only (the new account's password): the context holds their placeholders. */
  secrets?: Record<string, string>;
  signal?: AbortSignal;
  /** The target answered 429 or 503 during the call (with its Retry-After, when it sent one). */
  onBusy?: (busy: TargetBusyAnswer) => void;
}

export interface TargetBusyAnswer {
  status: number;
  retryAfterMs?: number;
}

const optionsSchema = z.object({
  timeoutMs: z.number().int().min(1).max(MAX_TARGET_ACTION_TIMEOUT_MS).default(30_000),
  memoryLimitMb: z.number().int().min(8).max(MAX_TARGET_MEMORY_MB).default(128),
});

const BUSY_STATUSES = new Set([429, 503]);

/**
 * A target script (one function per action: create, update, get, ...) for one session of a target
 * system. Every action runs in a fresh isolate of one sandbox process that the session keeps
 * until close(), one action at a time: a script that crashes V8 or overruns its time ends that
 * process (the action fails, the next one starts a new process), never this one. Secrets and the
 * network stay here. For actions in parallel, open several sessions.
 */
export class ScriptTargetSandbox {
  private readonly limits: z.output<typeof optionsSchema>;
  private readonly config: unknown;
  private readonly sandbox = new SandboxProcess("script target");
  /** Calls run one after another: a timeout or crash ends the process, which must not fail a bystander call. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly script: string,
    private readonly options: ScriptTargetOptions,
  ) {
    this.limits = parseOrExplain(optionsSchema, options, "script target options");
    this.config = JSON.parse(JSON.stringify(options.config ?? {}));
  }

  /** Calls the script's function for `action` with its context (mode, config, http and log are added). */
  run<Action extends TargetScriptAction>(action: Action, context: Record<string, unknown>, call: TargetScriptCall = {}): Promise<TargetScriptReturn<Action>> {
    const next = this.queue.then(() => this.runNow(action, context, call));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow<Action extends TargetScriptAction>(action: Action, context: Record<string, unknown>, call: TargetScriptCall): Promise<TargetScriptReturn<Action>> {
    const secrets = new SecretSubstitution({ ...this.options.secrets, ...call.secrets });
    const bridge = new HttpBridge(
      {
        ...this.options.http,
        onResponse: (status, headers) => {
          if (BUSY_STATUSES.has(status)) call.onBusy?.({ status, ...retryAfter(headers.get("retry-after")) });
        },
        ...(this.options.mode === "plan" ? { readOnly: { onRefusedWrite: (description: string) => this.options.onRefusedWrite?.(description) } } : {}),
      },
      secrets,
    );
    // Starting the process is not the script's time.
    await this.sandbox.start();
    const run = {
      script: this.script,
      config: this.config,
      secrets: secrets.placeholders(),
      timeoutMs: this.limits.timeoutMs,
      memoryLimitMb: this.limits.memoryLimitMb,
      action: { name: action, context: JSON.parse(JSON.stringify({ ...context, mode: this.options.mode })) as unknown },
    };
    const what = `The script's ${action}()`;
    const { onLog } = this.options;
    const returned = await runInSandboxProcess(this.sandbox, run, { what, bridge, secrets, ...(call.signal ? { signal: call.signal } : {}), ...(onLog ? { onLog } : {}) });
    try {
      return secrets.redact(validateTargetScriptResult(action, returned));
    } catch (error) {
      // The explanation may quote what the script returned.
      throw error instanceof SandboxError ? new SandboxError(error.kind, secrets.redactText(error.message)) : error;
    }
  }

  /** Ends the sandbox process; a later run starts a new one. */
  close(): void {
    this.sandbox.stop("finished");
  }
}

/** Retry-After in seconds or as an HTTP date, as milliseconds from now. */
function retryAfter(header: string | null): { retryAfterMs?: number } {
  if (header === null) return {};
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return { retryAfterMs: Math.round(seconds * 1000) };
  const date = Date.parse(header);
  return Number.isNaN(date) ? {} : { retryAfterMs: Math.max(0, date - Date.now()) };
}
