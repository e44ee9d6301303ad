import { TargetBusyError } from "@idlife/connectors";

export interface BusyPolicy {
  /** Attempts of one action before a "busy" answer fails it. */
  maxAttempts: number;
  /** The first wait; doubled per attempt up to maxDelayMs (unless the target said Retry-After). */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BUSY_POLICY: BusyPolicy = { maxAttempts: 5, baseDelayMs: 5_000, maxDelayMs: 5 * 60_000 };

export const isBusy = (error: unknown): error is TargetBusyError => error instanceof TargetBusyError || (error instanceof Error && error.name === "TargetBusyError");

/** How long the system is left alone after this attempt's "busy" answer. */
export function busyDelayMs(error: TargetBusyError, attempts: number, policy: BusyPolicy): number {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  // A Retry-After is honoured but bounded: a target cannot park the system for a day.
  return error.retryAfterMs !== undefined ? Math.min(Math.max(error.retryAfterMs, 0), policy.maxDelayMs) : backoff;
}

export function describeDuration(ms: number): string {
  if (ms < 90_000) return `${Math.max(1, Math.round(ms / 1000))} seconds`;
  if (ms < 90 * 60_000) return `${Math.round(ms / 60_000)} minutes`;
  return `${Math.round(ms / 3_600_000)} hours`;
}
