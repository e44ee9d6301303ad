import { importScheduleSchema, mappingDefinitionSchema, thresholdSettingsSchema, type Import, type ImportPersonCounts, type SourceSystem } from "@idlife/contracts";
import { decryptSecrets } from "@idlife/db";
import { connectorTypeOf, findSourceConnector, moveSecretLookingValues, separateSecrets } from "@idlife/connectors";
import { visibleBlockedReason } from "./raw-data-privacy.ts";

type SourceSystemRow = {
  id: string;
  name: string;
  connectorType: string;
  settings: unknown;
  secrets: Uint8Array | null;
  mapping: unknown;
  thresholds: unknown;
  schedule: unknown;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * Settings as they may be shown. Saving moves every secret out of the settings; a row saved
 * before that rule (an apiKey in a script's config) still must not show one, so the same split
 * runs on the way out, and the next save moves such a value into the encrypted store.
 */
function shownSettings(connectorType: string, settings: unknown): Record<string, unknown> {
  const stored = (settings ?? {}) as Record<string, unknown>;
  const connector = findSourceConnector(connectorType);
  if (!connector) return stored;
  return moveSecretLookingValues(connector, separateSecrets(stored, connector.secretFields).settings).settings;
}

/** The API's view of a source system: which secrets are set, never their values. */
export function toSourceSystemResponse(row: SourceSystemRow, secretsKey: Buffer): SourceSystem {
  return {
    id: row.id,
    name: row.name,
    // Stored rows have the registry's spelling (migration connector_type_spelling); the one spelling on the wire.
    connectorType: (connectorTypeOf(row.connectorType) ?? row.connectorType) as SourceSystem["connectorType"],
    settings: shownSettings(row.connectorType, row.settings),
    secretsSet: Object.keys(decryptSecrets(row.secrets, secretsKey)).sort(),
    mapping: mappingDefinitionSchema.parse(row.mapping),
    thresholds: thresholdSettingsSchema.parse(row.thresholds ?? {}),
    schedule: row.schedule ? importScheduleSchema.parse(row.schedule) : null,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

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
