import { SandboxError, type TargetBusyAnswer, type TargetScriptAction } from "@idlife/sandbox";
import { ConnectorError } from "../../connector-error.ts";
import { PlanModeWriteRefused, TargetBusyError } from "../target-connector.ts";

/** What happened during one call of the script that decides how its failure is reported. */
export interface CallCircumstances {
  action: TargetScriptAction;
  timeoutMs: number;
  /** The target answered 429 or 503 during the call (with its Retry-After). */
  busy: TargetBusyAnswer | undefined;
  /** Writes the plan-mode bridge refused during the call. */
  refusedWrites: readonly string[];
}

/**
 * Turns a failed call of a target script into the error the engine acts on: a write refused in a
 * preview, a busy target to retry later, or a ConnectorError whose message tells the
 * administrator what to fix. Messages were already cleared of secrets in the sandbox package.
 */
export function scriptCallError(error: unknown, circumstances: CallCircumstances): Error {
  const { action, refusedWrites, busy } = circumstances;
  const name = `The script's ${action}()`;
  if (!(error instanceof SandboxError)) return error instanceof Error ? error : new Error(String(error));
  if (error.kind === "runtime" && refusedWrites.length > 0) return new PlanModeWriteRefused(refusedWrites[0]!);
  const location = error.line === undefined ? {} : { line: error.line };
  const detail = error.line === undefined ? error.message : error.message.replace(/^Line \d+: /, "");
  switch (error.kind) {
    case "timeout":
      return new ConnectorError(
        "timeout",
        `${name} timed out after ${circumstances.timeoutMs / 1000} s and was stopped; look for a loop that never ends or a request that does not answer`,
      );
    case "cancelled":
      return new ConnectorError("aborted", `${name} was cancelled before it finished`);
    case "invalid-result":
      return new ConnectorError("invalid_result", detail, location);
    case "runtime":
      if (busy) return new TargetBusyError(`${name} failed while the target was busy (HTTP ${busy.status}): ${detail}`, busy.retryAfterMs);
      return new ConnectorError("script_failed", `${name} failed${error.line === undefined ? "" : ` at line ${error.line}`}: ${detail}`, location);
    default:
      return new ConnectorError("script_failed", error.line === undefined ? detail : `Line ${error.line}: ${detail}`, location);
  }
}

/** A call that returned { success: false }: busy when the script or the target said so, else a failed action. */
export function scriptFailureError(messages: readonly string[], retryAfterMs: number | undefined, circumstances: CallCircumstances): Error {
  const { action, refusedWrites, busy } = circumstances;
  const reason = messages.length > 0 ? messages.join("; ") : "it gave no message";
  if (refusedWrites.length > 0) return new PlanModeWriteRefused(refusedWrites[0]!);
  if (retryAfterMs !== undefined || busy) {
    return new TargetBusyError(`The script's ${action}() reports the target busy: ${reason}`, retryAfterMs ?? busy?.retryAfterMs);
  }
  return new ConnectorError("action_failed", `The script's ${action}() reported a failure: ${reason}`);
}
