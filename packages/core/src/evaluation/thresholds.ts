import type { EntitlementType } from "./desired-entitlements.ts";

/** A safety threshold: at most `count` actions, and at most `percent` of what is granted now, per window. */
export interface ActionLimit {
  count?: number;
  percent?: number;
}

/** Per target system: limits per action and entitlement type ("revoke:account", "grant:permission" ...), over a rolling window. */
export interface TargetThresholds {
  windowHours: number;
  limits: Partial<Record<`${"grant" | "revoke" | "update"}:${EntitlementType}`, ActionLimit>>;
}

/** New target systems start conservative: mass revokes and deletes need an administrator. */
export const DEFAULT_TARGET_THRESHOLDS: TargetThresholds = {
  windowHours: 24,
  limits: {
    "revoke:account": { count: 25, percent: 5 },
    "revoke:access": { count: 50, percent: 10 },
    "revoke:permission": { count: 250, percent: 10 },
    "update:account": { count: 1_000, percent: 50 },
  },
};

export interface ThresholdCheck {
  key: string;
  /** Actions of this kind this evaluation wants. */
  planned: number;
  /** Actions of this kind already done (or approved) within the window. */
  doneInWindow: number;
  /** How many of this entitlement type are granted now (the base of the percentage). */
  grantedNow: number;
  limit: ActionLimit | undefined;
}

export interface ThresholdVerdict {
  key: string;
  blocked: boolean;
  reason?: string;
}

/**
 * Whether the planned actions of one kind cross the threshold, counting the actions already done
 * within the rolling window too: a mass revoke spread over many small runs trips it like one big
 * run. A percentage applies only when something is granted (the first grants of a new system are
 * limited by count alone).
 */
export function checkThreshold(check: ThresholdCheck): ThresholdVerdict {
  const { key, planned, doneInWindow, grantedNow, limit } = check;
  if (!limit || planned === 0) return { key, blocked: false };
  const total = planned + doneInWindow;
  if (limit.count !== undefined && total > limit.count) {
    return { key, blocked: true, reason: `${planned} × ${key} now plus ${doneInWindow} within the window makes ${total}, more than the maximum of ${limit.count}` };
  }
  if (limit.percent !== undefined && grantedNow > 0) {
    const percent = (total / grantedNow) * 100;
    if (percent > limit.percent) {
      return { key, blocked: true, reason: `${planned} × ${key} now plus ${doneInWindow} within the window is ${percent.toFixed(1)}% of the ${grantedNow} granted, more than the maximum of ${limit.percent}%` };
    }
  }
  return { key, blocked: false };
}
