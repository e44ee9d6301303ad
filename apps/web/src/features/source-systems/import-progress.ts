import { importProgressSchema, thresholdReportSchema, type Import, type ImportPersonCounts } from "@idlife/contracts";
import type { z } from "zod";
import { formatNumber } from "../../lib/format.ts";

export type ThresholdReport = z.output<typeof thresholdReportSchema>;

export interface ProgressView {
  /** "Fetching 12,000 records", "Mapping 5,000 / 18,000". */
  label: string;
  /** Known only while mapping: how far along, for a determinate bar. */
  value?: number;
  max?: number;
}

const plural = (count: number, word: string) => `${formatNumber(count)} ${word}${count === 1 ? "" : "s"}`;

/** What a queued or running import is doing, in words a person reads at a glance. */
export function describeProgress(run: Pick<Import, "status" | "progress">): ProgressView {
  if (run.status === "queued") return { label: "Waiting for the worker" };
  const progress = importProgressSchema.safeParse(run.progress).data ?? {};
  switch (progress.phase) {
    case "fetching":
      return { label: progress.records ? `Fetching ${plural(progress.records, "record")}` : "Fetching records" };
    case "storing":
      return { label: `Storing ${plural(progress.records ?? 0, "raw record")}` };
    case "mapping": {
      const total = progress.total ?? 0;
      const done = Math.min(progress.done ?? 0, total);
      return { label: `Mapping ${formatNumber(done)} / ${formatNumber(total)}`, value: done, max: total };
    }
    case "writing":
      return { label: "Writing source records" };
    case "snapshot":
      return { label: "Deciding persons (snapshot)" };
    default:
      return { label: "Starting" };
  }
}

export const importStateLabels: Record<Import["state"], string> = {
  queued: "Queued",
  running: "Running",
  blocked: "Blocked",
  failed: "Failed",
  completed: "Completed",
  completed_with_blocked: "Completed with blocked persons",
  superseded: "Superseded",
};

export const importStateTones: Record<Import["state"], "neutral" | "info" | "warning" | "danger" | "success"> = {
  queued: "info",
  running: "info",
  blocked: "warning",
  failed: "danger",
  completed: "success",
  // Done, but some persons keep their last known state until the mapping is fixed.
  completed_with_blocked: "warning",
  superseded: "neutral",
};

/** "Completed, 2 blocked": a completed import that blocked persons never reads as plainly done. */
export function describeImportState(run: Pick<Import, "state" | "persons">): string {
  if (run.state === "completed_with_blocked") return `Completed, ${formatNumber(run.persons?.blocked ?? 0)} blocked`;
  return importStateLabels[run.state];
}

export const importTriggerLabels: Record<string, string> = {
  manual: "Manual",
  schedule: "Scheduled",
  scheduled: "Scheduled",
  api: "API",
};

/** The person counts an import table shows; absent counts (not compared yet) are shown as a dash. */
export const importCountColumns = [
  { key: "delivered", label: "Delivered" },
  { key: "added", label: "Added" },
  { key: "changed", label: "Changed" },
  { key: "removed", label: "Removed" },
  { key: "blocked", label: "Blocked" },
] as const satisfies ReadonlyArray<{ key: keyof ImportPersonCounts; label: string }>;

/** "58 added · 0 changed · 0 removed · 2 blocked": what an import did to persons, in one line. */
export function describePersonCounts(persons: ImportPersonCounts): string {
  return [`${formatNumber(persons.added)} added`, `${formatNumber(persons.changed)} changed`, `${formatNumber(persons.removed)} removed`, `${formatNumber(persons.blocked)} blocked`].join(" · ");
}

export function readThresholdReport(run: Pick<Import, "thresholdReport">): ThresholdReport | undefined {
  if (run.thresholdReport === null || run.thresholdReport === undefined) return undefined;
  return thresholdReportSchema.safeParse(run.thresholdReport).data;
}
