import type { Import } from "@idlife/contracts";
import type { z } from "zod";
import { formatNumber } from "../../lib/format.ts";
import { importProgressSchema, thresholdReportSchema } from "./api/missing-contracts.ts";

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

export const importStatusLabels: Record<Import["status"], string> = {
  queued: "Queued",
  running: "Running",
  blocked: "Blocked",
  failed: "Failed",
  completed: "Completed",
  superseded: "Superseded",
};

export const importStatusTones: Record<Import["status"], "neutral" | "info" | "warning" | "danger" | "success"> = {
  queued: "info",
  running: "info",
  blocked: "warning",
  failed: "danger",
  completed: "success",
  superseded: "neutral",
};

export const importTriggerLabels: Record<string, string> = {
  manual: "Manual",
  schedule: "Scheduled",
  scheduled: "Scheduled",
  api: "API",
};

/** The counts an import table shows, in pipeline order; absent counts are shown as a dash. */
export const importCountColumns = [
  { key: "fetched", label: "Fetched" },
  { key: "mapped", label: "Mapped" },
  { key: "blocked", label: "Blocked" },
  { key: "added", label: "Added" },
  { key: "changed", label: "Changed" },
  { key: "removed", label: "Removed" },
] as const;

export function readThresholdReport(run: Pick<Import, "thresholdReport">): ThresholdReport | undefined {
  if (run.thresholdReport === null || run.thresholdReport === undefined) return undefined;
  return thresholdReportSchema.safeParse(run.thresholdReport).data;
}
