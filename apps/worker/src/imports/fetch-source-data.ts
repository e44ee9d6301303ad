import { findSourceConnector, isConnectorError, sourceKeyPaths, type RawRecord } from "@idlife/connectors";
import { SandboxError } from "@idlife/sandbox";
import { getPath } from "@idlife/core";

import type { KeyedRecord } from "@idlife/connectors";
export type { KeyedRecord };

export interface FetchedSourceData {
  persons: KeyedRecord[];
  departments: KeyedRecord[];
  warnings: string[];
}

export interface SourceToFetch {
  connectorType: string;
  settings: Record<string, unknown>;
  secrets: Record<string, unknown>;
  mapping: unknown;
  uploads: Array<{ role: string; fileName: string; content: Uint8Array }>;
  /** How connectors make requests (connectorFetch: private networks allowed or not). */
  fetch?: typeof fetch;
}

function keyed(records: readonly RawRecord[], path: string, kind: string): KeyedRecord[] {
  const seen = new Set<string>();
  return records.map((record, index) => {
    const value = getPath(record, path);
    let sourceKey = value === undefined || value === null || value === "" ? `#${index + 1}` : String(value);
    // Two records with one key would overwrite each other's raw data: keep both, visibly.
    if (seen.has(sourceKey)) sourceKey = `${sourceKey}#${index + 1}`;
    seen.add(sourceKey);
    if (kind === "person" && sourceKey.startsWith("#")) return { sourceKey, record };
    return { sourceKey, record };
  });
}

/** Fetches a source's raw data with its connector; errors come back as actionable messages. */
export async function fetchSourceData(source: SourceToFetch, onProgress: (records: number, phase: string) => void): Promise<FetchedSourceData> {
  const secrets = Object.fromEntries(Object.entries(source.secrets).map(([key, value]) => [key, String(value)]));
  const connector = findSourceConnector(source.connectorType);
  if (!connector) throw new Error(`Unknown connector type '${source.connectorType}'.`);
  try {
    const uploads = Object.fromEntries(source.uploads.map((upload) => [upload.role, { fileName: upload.fileName, content: upload.content }]));
    const result = await connector.fetch({
      settings: source.settings,
      secrets,
      uploads,
      ...(source.fetch ? { fetch: source.fetch } : {}),
      onProgress: (progress) => onProgress(progress.records, progress.phase),
    });
    const { persons, departments } = result.data;
    const warnings = result.warnings.map((warning) => warning.message);
    const paths = sourceKeyPaths(source.settings, source.mapping);
    return { persons: keyed(persons, paths.person, "person"), departments: keyed(departments, paths.department, "department"), warnings };
  } catch (error) {
    if (isConnectorError(error) || error instanceof SandboxError) throw new Error(error.message);
    throw error;
  }
}
