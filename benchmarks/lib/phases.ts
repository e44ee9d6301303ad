/**
 * Cuts one runImport call into phases from its SQL trace. The pipeline is sequential and each
 * phase starts with a statement of its own, so the boundaries are exact (to the statement):
 *
 *   setup          claim the import row, read the source system
 *   fetch+parse    SELECT source_uploads ... (reading the uploads from the database, the CSV parse,
 *                  hashing every record)
 *   store raw      SELECT nextval('raw_records_id_seq') ... current versions, UPDATE/INSERT raw_records
 *                  (only what changed) ... COMMIT
 *   compare        tenant settings, SELECT person_sources (hashes of the previous import), pick the
 *                  records to map
 *   map            (no SQL but progress updates) mapRawPersons in isolated-vm + applyMapping
 *   thresholds     SELECT person_sources (previous mapped values of the re-mapped), compare, evaluate
 *   write sources  INSERT person_sources ... (batches), departments
 *   snap: load     INSERT snapshots ... up to the end of the last SELECT of person_sources, persons,
 *                  departments, merge_suggestions
 *   snap: decide   decidePersons + planPersonWrites (pure JavaScript), up to the first INSERT persons
 *                  (it includes building the first batch's JSON)
 *   snap: write    INSERT persons / person_history / merge_suggestions, UPDATE person_sources per
 *                  2,000 persons, up to the final UPDATE snapshots (so including the COMMIT)
 *   finish         final UPDATE snapshots, imports
 */
import type { CpuReading, TracedQuery } from "./query-trace.ts";

export const PHASES = [
  "setup",
  "fetch+parse",
  "store raw",
  "compare",
  "map",
  "thresholds",
  "write sources",
  "snap: load",
  "snap: decide",
  "snap: write",
  "finish",
] as const;
export type PhaseName = (typeof PHASES)[number];

export interface PhaseFigures {
  name: PhaseName;
  /** Wall clock, ms. */
  ms: number;
  /** Time with at least one statement of the pipeline outstanding (waiting for PostgreSQL), ms. */
  dbMs: number;
  /** CPU of this Node process in the phase (all threads: main, isolated-vm, libuv), ms. */
  nodeCpuMs: number;
  /** CPU of all PostgreSQL processes, ms (from /proc, 100 ms resolution); null where unavailable. */
  postgresCpuMs: number | null;
  /** CPU of everything else on the machine (other programs competing for the 2 cores), ms; null where unavailable. */
  otherCpuMs: number | null;
  statements: number;
  startAt: number;
  endAt: number;
}

/** What a snapshot reads before it decides. */
const SNAPSHOT_INPUTS = new Set(["person_sources", "persons", "departments", "merge_suggestions", "tenants"]);

const is = (query: TracedQuery, op: string, table?: string) => query.op === op && (table === undefined || query.table === table);

/** End of the transaction the statement at `index` belongs to: the next COMMIT/ROLLBACK on its connection. */
function transactionEnd(trace: readonly TracedQuery[], index: number): CpuReading | undefined {
  const connection = trace[index]!.connection;
  for (let i = index + 1; i < trace.length; i++) {
    const query = trace[i]!;
    if (query.connection === connection && (query.op === "COMMIT" || query.op === "ROLLBACK")) return query.end ?? query.start;
  }
  return trace[index]!.end;
}

function firstIndex(trace: readonly TracedQuery[], from: number, predicate: (query: TracedQuery) => boolean): number {
  for (let i = Math.max(0, from); i < trace.length; i++) if (predicate(trace[i]!)) return i;
  return -1;
}

function lastIndex(trace: readonly TracedQuery[], predicate: (query: TracedQuery) => boolean): number {
  for (let i = trace.length - 1; i >= 0; i--) if (predicate(trace[i]!)) return i;
  return -1;
}

/** Total length of the union of [start, end) intervals clipped to [from, to). */
function unionWithin(intervals: ReadonlyArray<readonly [number, number]>, from: number, to: number): number {
  const clipped = intervals
    .map(([start, end]) => [Math.max(start, from), Math.min(end, to)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let currentStart = -Infinity;
  let currentEnd = -Infinity;
  for (const [start, end] of clipped) {
    if (start > currentEnd) {
      if (currentEnd > currentStart) total += currentEnd - currentStart;
      currentStart = start;
      currentEnd = end;
    } else if (end > currentEnd) {
      currentEnd = end;
    }
  }
  if (currentEnd > currentStart) total += currentEnd - currentStart;
  return total;
}

/**
 * The phases of one import. `started`/`ended` are readings taken just before runImport was called
 * and just after it resolved. A phase whose marker statement is missing (an import that failed
 * or was blocked) gets zero length and the time goes to the phase before it.
 */
export function splitPhases(trace: readonly TracedQuery[], started: CpuReading, ended: CpuReading): PhaseFigures[] {
  const uploads = firstIndex(trace, 0, (q) => is(q, "SELECT", "source_uploads"));
  const rawStart = firstIndex(trace, uploads, (q) => q.text.includes("raw_records_id_seq"));
  const rawLast = lastIndex(trace, (q) => (q.op === "INSERT" || q.op === "UPDATE") && q.table === "raw_records");
  const rawEnd = rawLast >= 0 ? rawLast : rawStart;
  const compare = firstIndex(trace, rawEnd, (q) => is(q, "SELECT", "tenants"));
  const previous = firstIndex(trace, compare, (q) => is(q, "SELECT", "person_sources"));
  const mapEnd = firstIndex(trace, previous + 1, (q) => is(q, "SELECT", "person_sources") || is(q, "INSERT", "person_sources"));
  const writeSources = firstIndex(trace, previous + 1, (q) => is(q, "INSERT", "person_sources"));
  const snapshotCreate = firstIndex(trace, writeSources, (q) => is(q, "INSERT", "snapshots"));
  const finalSnapshotUpdate = lastIndex(trace, (q) => is(q, "UPDATE", "snapshots"));
  const firstPersonInsert = firstIndex(trace, snapshotCreate, (q) => is(q, "INSERT", "persons"));
  // Loading ends with the last read of what the snapshot decides from, before anything is written
  // (the snapshot may run load, decide and write in one transaction, so not at a COMMIT).
  const writeStart = firstPersonInsert >= 0 ? firstPersonInsert : finalSnapshotUpdate;
  let loadEnd: CpuReading | undefined;
  for (let i = Math.max(0, snapshotCreate); snapshotCreate >= 0 && i < (writeStart >= 0 ? writeStart : trace.length); i++) {
    const query = trace[i]!;
    if (query.op === "SELECT" && query.table !== undefined && SNAPSHOT_INPUTS.has(query.table) && query.end && (!loadEnd || query.end.at > loadEnd.at)) loadEnd = query.end;
  }

  const at = (index: number) => (index >= 0 ? trace[index]!.start : undefined);
  const boundaries: Array<CpuReading | undefined> = [
    started,
    at(uploads),
    at(rawStart),
    rawEnd >= 0 ? transactionEnd(trace, rawEnd) : undefined,
    previous >= 0 ? trace[previous]!.end : undefined,
    at(mapEnd),
    at(writeSources),
    at(snapshotCreate),
    loadEnd,
    at(writeStart),
    at(finalSnapshotUpdate),
    ended,
  ];
  // Missing boundaries collapse onto the previous one; boundaries never go backwards.
  const filled: CpuReading[] = [];
  for (const boundary of boundaries) {
    const previousBoundary = filled[filled.length - 1];
    filled.push(boundary && (!previousBoundary || boundary.at >= previousBoundary.at) ? boundary : (previousBoundary ?? started));
  }
  filled[filled.length - 1] = ended;

  const intervals = trace.filter((q) => q.end).map((q) => [q.start.at, q.end!.at] as const);
  return PHASES.map((name, index) => {
    const from = filled[index]!;
    const to = filled[index + 1]!;
    return {
      name,
      ms: to.at - from.at,
      dbMs: unionWithin(intervals, from.at, to.at),
      nodeCpuMs: to.processMs - from.processMs,
      postgresCpuMs: null,
      // Machine minus this process for now; the caller takes PostgreSQL's share out (withPostgresCpu).
      otherCpuMs: from.machineMs !== null && to.machineMs !== null ? Math.max(0, to.machineMs - from.machineMs - (to.processMs - from.processMs)) : null,
      statements: trace.filter((q) => q.start.at >= from.at && q.start.at < to.at).length,
      startAt: from.at,
      endAt: to.at,
    };
  });
}

/**
 * Splits the rest of the machine's CPU into PostgreSQL and everything else, from the sampler's
 * cumulative PostgreSQL CPU series (value at a time = the last reading at or before it).
 */
export function withPostgresCpu(phases: PhaseFigures[], series: ReadonlyArray<{ at: number; postgresMs: number | null }>): void {
  const readings = series.filter((sample) => sample.postgresMs !== null) as Array<{ at: number; postgresMs: number }>;
  if (readings.length < 2) return;
  const valueAt = (at: number) => {
    let value = readings[0]!.postgresMs;
    for (const reading of readings) {
      if (reading.at > at) break;
      value = reading.postgresMs;
    }
    return value;
  };
  for (const phase of phases) {
    const postgres = valueAt(phase.endAt) - valueAt(phase.startAt);
    phase.postgresCpuMs = postgres;
    if (phase.otherCpuMs !== null) phase.otherCpuMs = Math.max(0, phase.otherCpuMs - postgres);
  }
}

export interface StatementGroup {
  /** "INSERT person_history", "SELECT persons", "COMMIT", "SELECT (set_config)"... */
  statement: string;
  count: number;
  /** Sum of the statements' durations (sent to result handled), ms. */
  sqlMs: number;
  /**
   * JavaScript time right before the statements: from the previous statement's end (or the
   * phase's start) to this one's start. For a Prisma call this is building and compiling the
   * query (createMany serialising its rows); for a raw statement, building its parameters.
   */
  prepMs: number;
}

/** Progress writes run beside the pipeline on other connections: kept out of the sequence, with their transactions. */
const isProgressWrite = (query: TracedQuery) => query.op === "UPDATE" && (query.table === "imports" || query.table === "snapshots");

/** The statements of transactions that write progress (BEGIN, set_config, UPDATE imports, COMMIT). */
function progressTransactions(trace: readonly TracedQuery[]): Set<TracedQuery> {
  const progress = new Set<TracedQuery>();
  const open = new Map<number, TracedQuery[]>();
  for (const query of trace) {
    if (query.op === "BEGIN") open.set(query.connection, []);
    const transaction = open.get(query.connection);
    if (!transaction) {
      if (isProgressWrite(query)) progress.add(query);
      continue;
    }
    transaction.push(query);
    if (query.op === "COMMIT" || query.op === "ROLLBACK") {
      open.delete(query.connection);
      if (transaction.some(isProgressWrite) && transaction.every((q) => isProgressWrite(q) || !q.table)) for (const q of transaction) progress.add(q);
    }
  }
  return progress;
}

/** Per phase, the pipeline's statements grouped by kind and table, with their SQL and preparation time. */
export function statementsByPhase(trace: readonly TracedQuery[], phases: readonly PhaseFigures[]): Record<string, StatementGroup[]> {
  const result: Record<string, StatementGroup[]> = {};
  const progress = progressTransactions(trace);
  let previousEnd = -Infinity;
  for (const phase of phases) {
    const groups = new Map<string, StatementGroup>();
    for (const query of trace) {
      if (query.start.at < phase.startAt || query.start.at >= phase.endAt || progress.has(query) || !query.end) continue;
      const name = query.table ? `${query.op} ${query.table}` : query.op === "SELECT" ? "SELECT (no table: set_config, lock)" : query.op;
      const group = groups.get(name) ?? { statement: name, count: 0, sqlMs: 0, prepMs: 0 };
      group.count++;
      group.sqlMs += query.end.at - query.start.at;
      group.prepMs += Math.max(0, query.start.at - Math.max(previousEnd, phase.startAt));
      groups.set(name, group);
      previousEnd = Math.max(previousEnd, query.end.at);
    }
    result[phase.name] = [...groups.values()].sort((a, b) => b.sqlMs + b.prepMs - (a.sqlMs + a.prepMs));
  }
  return result;
}
