import { fetchCsvSource, fetchHttpJsonSource, isConnectorError, mergeSecrets, type RawRecord } from "@idlife/connectors";
import { runScriptConnector, SandboxError } from "@idlife/sandbox";
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

/** Script connector settings, kept by the platform rather than a connector package. */
interface ScriptSettings {
  script?: string;
  config?: Record<string, unknown>;
  allowedHosts?: string[];
  timeoutMs?: number;
  memoryLimitMb?: number;
}

/**
 * Where a record's key is: the path the mapping copies ExternalId from when it is a plain field
 * copy (so raw records and persons share keys), else the connector's own key column.
 */
function keyPaths(source: SourceToFetch) {
  const mapping = (source.mapping ?? {}) as { person?: Record<string, { type: string; path?: string }>; department?: Record<string, { type: string; path?: string }> };
  const settings = source.settings as { persons?: { personKey?: string }; departments?: { departmentKey?: string } };
  const personRule = mapping.person?.ExternalId;
  const departmentRule = mapping.department?.ExternalId;
  return {
    person: personRule?.type === "field" && personRule.path ? personRule.path : (settings.persons?.personKey ?? "ExternalId"),
    department: departmentRule?.type === "field" && departmentRule.path ? departmentRule.path : (settings.departments?.departmentKey ?? "ExternalId"),
  };
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
  try {
    let persons: RawRecord[];
    let departments: RawRecord[];
    let warnings: string[] = [];
    if (source.connectorType === "csv") {
      const files = Object.fromEntries(source.uploads.map((upload) => [upload.role, { fileName: upload.fileName, content: upload.content }]));
      const result = await fetchCsvSource(mergeSecrets(source.settings, secrets) as never, { files, ...(source.fetch ? { fetch: source.fetch } : {}), onProgress: (progress) => onProgress(progress.records, progress.phase) });
      ({ persons, departments } = result.data);
      warnings = result.warnings.map((warning) => warning.message);
    } else if (source.connectorType === "http_json") {
      const result = await fetchHttpJsonSource(mergeSecrets(source.settings, secrets) as never, { ...(source.fetch ? { fetch: source.fetch } : {}), onProgress: (progress) => onProgress(progress.records, progress.phase) });
      ({ persons, departments } = result.data);
      warnings = result.warnings.map((warning) => warning.message);
    } else if (source.connectorType === "script") {
      const settings = source.settings as ScriptSettings;
      if (!settings.script) throw new Error("This script source system has no script; add one in its settings.");
      // Secrets go separately: the script sees placeholders, the bridge sends the values to the
      // allowed hosts, and values that come back are redacted before the records are stored.
      const result = await runScriptConnector(settings.script, {
        config: settings.config ?? {},
        secrets,
        http: { allowedHosts: settings.allowedHosts ?? [], ...(source.fetch ? { fetch: source.fetch } : {}) },
        ...(settings.timeoutMs ? { timeoutMs: settings.timeoutMs } : {}),
        ...(settings.memoryLimitMb ? { memoryLimitMb: settings.memoryLimitMb } : {}),
        onProgress: (progress) => onProgress(progress.fetched, "persons"),
      });
      persons = result.persons as RawRecord[];
      departments = result.departments as RawRecord[];
    } else {
      throw new Error(`Unknown connector type '${source.connectorType}'.`);
    }
    const paths = keyPaths(source);
    return { persons: keyed(persons, paths.person, "person"), departments: keyed(departments, paths.department, "department"), warnings };
  } catch (error) {
    if (isConnectorError(error) || error instanceof SandboxError) throw new Error(error.message);
    throw error;
  }
}
