/** One record exactly as the source delivered it: field names and values untouched. */
export type RawRecord = Record<string, unknown>;

/** A raw person; connectors that know about contracts attach them as `Contracts`. */
export type RawPerson = RawRecord & { Contracts?: RawRecord[] };

/** What every source connector produces: raw data, no mapping applied. */
export interface RawSourceData {
  persons: RawPerson[];
  departments: RawRecord[];
}

export type ConnectorPhase = "persons" | "contracts" | "departments";

/** `records` counts the records of `phase` read so far. */
export interface ConnectorProgress {
  phase: ConnectorPhase;
  records: number;
}

export type ProgressCallback = (progress: ConnectorProgress) => void;

export type ConnectorWarningCode =
  | "person_values_differ"
  | "contract_without_person"
  | "person_without_key"
  | "duplicate_person_key"
  | "duplicate_department"
  | "more_warnings";

/**
 * Something odd in the data that did not stop the fetch (the import shows these). A fetch that
 * cannot be trusted throws a ConnectorError instead.
 */
export interface ConnectorWarning {
  code: ConnectorWarningCode;
  message: string;
  file?: string;
  line?: number;
  url?: string;
}

export interface SourceFetchContext {
  onProgress?: ProgressCallback;
  /** Cancels the fetch (worker shutdown, import cancelled). */
  signal?: AbortSignal;
  /** How requests are made (connectorFetch refuses private networks); default the global fetch. */
  fetch?: typeof fetch;
}

export interface SourceFetchResult {
  data: RawSourceData;
  warnings: ConnectorWarning[];
}
