/**
 * Times every SQL statement the pipeline sends, without touching the pipeline: Prisma's
 * PostgreSQL adapter runs all queries through node-postgres, so wrapping pg.Client#query (one
 * shared module in this workspace) sees each statement with its connection, text, start and end.
 * The benchmark uses the trace to cut an import into phases (a phase starts with its first
 * statement) and to tell time spent waiting for PostgreSQL from time spent in JavaScript.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { cpuUsage } from "node:process";

/** The little of node-postgres the benchmark uses (its types live in packages/db, not here). */
export interface PgClient {
  connect(): Promise<void>;
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
  on(event: "error", listener: (error: Error) => void): void;
}
interface PgModule {
  Client: { new (config: { connectionString: string }): PgClient; prototype: { query: unknown } };
}

// Resolved from packages/db so that it is the very module @prisma/adapter-pg uses.
const requireFromDb = createRequire(new URL("../../packages/db/package.json", import.meta.url));
export const pg = requireFromDb("pg") as PgModule;

/** CPU readings taken with every traced event: this process (all threads) and the whole machine. */
export interface CpuReading {
  /** Wall clock, ms since the epoch (comparable across threads). */
  at: number;
  /** This process's user + system CPU, ms (includes isolated-vm and libuv threads). */
  processMs: number;
  /** Busy CPU of the whole machine, ms summed over cores (from /proc/stat); null where unavailable. */
  machineMs: number | null;
}

export interface TracedQuery {
  connection: number;
  op: string;
  table: string | undefined;
  text: string;
  start: CpuReading;
  end?: CpuReading;
  failed?: boolean;
}

const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux

/** Busy time of all cores since boot (user, nice, system, irq, softirq, steal), in ms. */
export function machineBusyMs(): number | null {
  try {
    const line = readFileSync("/proc/stat", "latin1").split("\n", 1)[0]!;
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks;
    return (user + nice + system + irq + softirq + steal) * CLOCK_TICK_MS;
  } catch {
    return null;
  }
}

export function readCpu(): CpuReading {
  const usage = cpuUsage();
  return { at: performance.timeOrigin + performance.now(), processMs: (usage.user + usage.system) / 1000, machineMs: machineBusyMs() };
}

/** The statement's kind and the first table it names (Prisma quotes "public"."table"; raw SQL does not). */
export function classify(text: string): { op: string; table: string | undefined } {
  const trimmed = text.trimStart();
  const op = (/^[A-Za-z]+/.exec(trimmed)?.[0] ?? "?").toUpperCase();
  const name = String.raw`(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?`;
  const pattern =
    op === "INSERT" ? new RegExp(String.raw`^INSERT\s+INTO\s+${name}`, "i")
    : op === "UPDATE" ? new RegExp(String.raw`^UPDATE\s+${name}`, "i")
    : op === "DELETE" ? new RegExp(String.raw`^DELETE\s+FROM\s+${name}`, "i")
    : new RegExp(String.raw`\bFROM\s+${name}`, "i");
  return { op, table: pattern.exec(trimmed)?.[1] };
}

let installed = false;
let listener: (() => void) | undefined;

/** Called at every traced statement start and end (the benchmark samples the V8 heap there). */
export function onTraceEvent(callback: (() => void) | undefined): void {
  listener = callback;
}

let recording: TracedQuery[] | undefined;
const connectionIds = new WeakMap<object, number>();
const ignored = new WeakSet<object>();
let nextConnection = 1;

/** Connections of the benchmark itself (the progress poller): never traced. */
export function ignoreConnection(client: object): void {
  ignored.add(client);
}

/** Wraps pg.Client#query once per process. */
export function installQueryTrace(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function tracedQuery(this: object, ...args: unknown[]) {
    const sink = recording;
    if (!sink || ignored.has(this)) return original.apply(this, args);
    const config = args[0] as string | { text?: string } | undefined;
    const text = typeof config === "string" ? config : (config?.text ?? "");
    let connection = connectionIds.get(this);
    if (connection === undefined) connectionIds.set(this, (connection = nextConnection++));
    const entry: TracedQuery = { connection, ...classify(text), text: text.slice(0, 160), start: readCpu() };
    sink.push(entry);
    listener?.();
    const done = (failed: boolean) => {
      entry.end = readCpu();
      if (failed) entry.failed = true;
      listener?.();
    };
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last] as (error: unknown, result: unknown) => void;
      args[last] = (error: unknown, result: unknown) => {
        done(Boolean(error));
        callback(error, result);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      (result as Promise<unknown>).then(
        () => done(false),
        () => done(true),
      );
    } else {
      done(false); // a Submittable (cursor, stream): not used by the pipeline
    }
    return result;
  };
}

/** Starts collecting statements into a fresh list, returned by the stop function. */
export function startRecording(): () => TracedQuery[] {
  const sink: TracedQuery[] = [];
  recording = sink;
  return () => {
    if (recording === sink) recording = undefined;
    return sink;
  };
}
