import { z } from "zod";

export const THRESHOLD_KINDS = ["added", "removed", "blocked"] as const;
export type ThresholdKind = (typeof THRESHOLD_KINDS)[number];

export const ThresholdLimitSchema = z.strictObject({
  count: z.number().int().nonnegative().optional(),
  percent: z.number().nonnegative().max(100).optional(),
});
export type ThresholdLimit = z.output<typeof ThresholdLimitSchema>;

/** Safety thresholds of one source system. A kind without limits is not guarded. */
export const ThresholdSettingsSchema = z.strictObject({
  added: ThresholdLimitSchema.optional(),
  removed: ThresholdLimitSchema.optional(),
  blocked: ThresholdLimitSchema.optional(),
});
export type ThresholdSettings = z.output<typeof ThresholdSettingsSchema>;

/**
 * What a new source system starts with: removal and blocked persons are guarded. Removal is what
 * disables accounts and takes access away, and an empty or truncated export looks exactly like
 * everyone leaving.
 * - 10%: a normal day removes a handful of leavers; a feed that drops a tenth of the persons is
 *   almost always broken. The yearly school transition exceeds it on purpose: an administrator
 *   approves that import once.
 * - 1,000 persons: a percentage alone lets a 100,000-person tenant lose 9,999 persons without a
 *   question. No ordinary day removes a thousand people.
 * Adding is not guarded: new persons get accounts that are created disabled, which is easy to
 * undo, and a feed that swaps all ExternalIds is caught by the removal limit anyway.
 * Blocked persons (10% of the delivery or 50 persons): one blocked person keeps their last known
 * state and is listed for the administrator, but a mapping script that throws for everyone, or a
 * required column missing from the export, blocks a large part of the delivery; such an import
 * has not imported what it claims, and the administrator fixes the mapping instead of finding
 * out from an empty persons list. The percentage is of this delivery, so it holds a new source
 * system's first import too.
 */
export const DEFAULT_THRESHOLDS: ThresholdSettings = {
  removed: { count: 1000, percent: 10 },
  blocked: { count: 50, percent: 10 },
};

export interface ImportCounts {
  /** Persons delivered by the previous accepted import of this source system (0 on the first). */
  previousCount: number;
  added: number;
  removed: number;
  blocked: number;
  /**
   * Persons this import delivers. When given, the blocked percentage is of this delivery (the
   * share the mapping could not map), also on a first import; otherwise of the previous import.
   */
  delivered?: number;
}

export interface ThresholdReason {
  kind: ThresholdKind;
  /** Which limit was reached: the count or the percentage. */
  limitType: "count" | "percent";
  actual: number;
  /** Percentage of the previous import; null on a first import (a percentage of nothing). */
  actualPercent: number | null;
  limit: number;
  message: string;
}

export interface ThresholdEvaluation {
  exceeded: boolean;
  reasons: ThresholdReason[];
}

const integerFormat = new Intl.NumberFormat("en-US");
const percentFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

const verbs: Record<ThresholdKind, string> = {
  added: "would be added",
  removed: "would be removed",
  blocked: "are blocked by the mapping",
};

function persons(count: number): string {
  return `${integerFormat.format(count)} ${count === 1 ? "person" : "persons"}`;
}

function describe(kind: ThresholdKind, actual: number, base: { count: number; ofDelivery: boolean }, limit: string) {
  const share =
    base.count > 0
      ? `${percentFormat.format((actual * 100) / base.count)}% of ${integerFormat.format(base.count)}${base.ofDelivery ? " delivered" : ""}`
      : "first import";
  const verb = actual === 1 && kind === "blocked" ? "is blocked by the mapping" : verbs[kind];
  return `${persons(actual)} ${verb} (${share}); the limit is ${limit}`;
}

/**
 * Whether an import must be held before any person changes. Reaching a limit blocks: with
 * "removed 10%", removing exactly 1,000 of 10,000 persons blocks. Nothing happening never
 * blocks, so a limit of 0 means "any at all".
 *
 * Percentages are of the previous import (blocked: of this delivery, when given). On the very first import (previousCount 0) there is
 * no previous import to compare with: nothing can be removed, and every person is new, so an
 * "added" percentage would block every new source system until someone approved it - a guard
 * that always fires teaches administrators to approve without reading. Count limits still apply.
 */
export function evaluateThresholds(
  counts: ImportCounts,
  settings: ThresholdSettings,
): ThresholdEvaluation {
  const reasons: ThresholdReason[] = [];
  for (const kind of THRESHOLD_KINDS) {
    const limits = settings[kind];
    const actual = counts[kind];
    if (!limits || actual <= 0) continue;
    const ofDelivery = kind === "blocked" && counts.delivered !== undefined;
    const base = { count: ofDelivery ? counts.delivered! : counts.previousCount, ofDelivery };
    const actualPercent = base.count > 0 ? (actual * 100) / base.count : null;
    // Compared without dividing, so 7 of 100 against 7% is exactly at the limit (7/100*100 is not 7).
    const percent = limits.percent;
    if (percent !== undefined && base.count > 0 && actual * 100 >= percent * base.count) {
      const limit = `${percentFormat.format(percent)}%`;
      reasons.push({
        kind,
        limitType: "percent",
        actual,
        actualPercent,
        limit: percent,
        message: describe(kind, actual, base, limit),
      });
    }
    if (limits.count !== undefined && actual >= limits.count) {
      reasons.push({
        kind,
        limitType: "count",
        actual,
        actualPercent,
        limit: limits.count,
        message: describe(kind, actual, base, persons(limits.count)),
      });
    }
  }
  return { exceeded: reasons.length > 0, reasons };
}
