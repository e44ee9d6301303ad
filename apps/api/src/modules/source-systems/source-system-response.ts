import type { Import, ImportPersonCounts } from "@idlife/contracts";
import { visibleBlockedReason } from "./raw-data-privacy.ts";

type ImportRow = {
  id: string;
  sourceSystemId: string;
  status: string;
  trigger: string;
  counts: unknown;
  progress: unknown;
  error: string | null;
  warnings: unknown;
  thresholdReport: unknown;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  approvedAt: Date | null;
};

/** A blocked import's report quotes why sample persons were blocked: without personal contact values. */
function visibleThresholdReport(report: unknown): unknown {
  const blocked = (report as { blocked?: { sample?: unknown } } | null)?.blocked;
  if (!blocked || !Array.isArray(blocked.sample)) return report ?? null;
  const sample = blocked.sample.map((entry: { reasons?: unknown }) =>
    Array.isArray(entry?.reasons) ? { ...entry, reasons: entry.reasons.map((reason) => (typeof reason === "string" ? visibleBlockedReason(reason) : reason)) } : entry,
  );
  return { ...(report as object), blocked: { ...blocked, sample } };
}

/** The person counts of an import that has compared its delivery (the worker stores them in counts). */
export function importPersonCounts(counts: unknown): ImportPersonCounts | null {
  const stored = (counts ?? {}) as Record<string, unknown>;
  if (typeof stored.added !== "number") return null;
  const count = (key: string) => (typeof stored[key] === "number" ? (stored[key] as number) : 0);
  return { delivered: count("fetched"), added: count("added"), changed: count("changed"), unchanged: count("unchanged"), removed: count("removed"), blocked: count("blocked") };
}

export function importState(status: string, persons: ImportPersonCounts | null): Import["state"] {
  return status === "completed" && (persons?.blocked ?? 0) > 0 ? "completed_with_blocked" : (status as Import["state"]);
}

export function toImportResponse(row: ImportRow): Import {
  const persons = importPersonCounts(row.counts);
  return {
    id: row.id,
    sourceSystemId: row.sourceSystemId,
    status: row.status as Import["status"],
    state: importState(row.status, persons),
    persons,
    trigger: row.trigger,
    counts: (row.counts ?? {}) as Record<string, number>,
    progress: (row.progress ?? {}) as Record<string, unknown>,
    error: row.error,
    warnings: (row.warnings ?? []) as string[],
    thresholdReport: visibleThresholdReport(row.thresholdReport),
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
  };
}
