/**
 * Memory and responsiveness while an import runs.
 * - RSS is sampled every 50 ms by a worker thread, so the samples keep coming while the main
 *   thread is busy (a long synchronous decide or JSON.stringify would starve a main-thread timer).
 * - The V8 heap of the main thread can only be read on the main thread: sampled every 50 ms by a
 *   timer and at every SQL statement start/end (via sampleHeap), so its peak is a lower bound.
 * - PostgreSQL's CPU (all its processes, from /proc) is read by the same thread every 100 ms.
 * - The event-loop delay histogram gives the longest time the main thread did not get back to its
 *   event loop (progress writes, BullMQ lock renewals and the like wait that long).
 */
import { Worker } from "node:worker_threads";
import { getHeapStatistics } from "node:v8";
import { monitorEventLoopDelay } from "node:perf_hooks";

const SAMPLER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { readdirSync, readFileSync } = require("node:fs");
const samples = [];
// PostgreSQL's CPU: every process named "postgres" (server, backends, autovacuum, checkpointer),
// summed from /proc/PID/stat (utime + stime, 10 ms ticks). Cumulative and monotonic: a process
// that exits keeps what it had used when last seen.
const isPostgres = new Map();
const lastTicks = new Map();
let postgresTicks = 0;
let baseline = true;
function samplePostgres() {
  let pids;
  try { pids = readdirSync("/proc"); } catch { return null; }
  const alive = new Set();
  const present = new Set(pids);
  for (const name of isPostgres.keys()) if (!present.has(name)) isPostgres.delete(name);
  for (const name of pids) {
    if (name.charCodeAt(0) < 48 || name.charCodeAt(0) > 57) continue;
    let known = isPostgres.get(name);
    try {
      if (known === undefined) {
        known = readFileSync("/proc/" + name + "/comm", "latin1").trim() === "postgres";
        isPostgres.set(name, known);
      }
      if (!known) continue;
      const stat = readFileSync("/proc/" + name + "/stat", "latin1");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]);
      alive.add(name);
      const before = lastTicks.get(name);
      postgresTicks += before === undefined ? (baseline ? 0 : ticks) : Math.max(0, ticks - before);
      lastTicks.set(name, ticks);
    } catch {}
  }
  for (const name of lastTicks.keys()) if (!alive.has(name)) { lastTicks.delete(name); isPostgres.delete(name); }
  baseline = false;
  return postgresTicks * 10;
}
samplePostgres(); // baseline: existing processes count from here
let tick = 0;
const timer = setInterval(() => {
  const postgresMs = tick++ % 2 === 0 ? samplePostgres() : undefined;
  samples.push([performance.timeOrigin + performance.now(), process.memoryUsage.rss(), postgresMs ?? null]);
}, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message === "take") {
    parentPort.postMessage(samples.splice(0, samples.length));
  } else if (message === "stop") {
    clearInterval(timer);
    parentPort.close();
  }
});
`;

export interface MemorySample {
  at: number;
  rss: number;
  /** Cumulative CPU of all postgres processes since the sampler started, ms (every other sample). */
  postgresMs: number | null;
}

export interface HeapSample {
  at: number;
  used: number;
  total: number;
}

export class Monitor {
  private readonly worker: Worker;
  private heap: HeapSample[] = [];
  private readonly heapTimer: NodeJS.Timeout;
  private readonly loopDelay: ReturnType<typeof monitorEventLoopDelay>;

  constructor(private readonly intervalMs = 50) {
    this.worker = new Worker(SAMPLER_SOURCE, { eval: true, workerData: { intervalMs } });
    this.worker.unref();
    this.heapTimer = setInterval(() => this.sampleHeap(), intervalMs);
    this.heapTimer.unref();
    this.loopDelay = monitorEventLoopDelay({ resolution: 10 });
    this.loopDelay.enable();
  }

  sampleHeap(): void {
    const stats = getHeapStatistics();
    this.heap.push({ at: performance.timeOrigin + performance.now(), used: stats.used_heap_size, total: stats.total_heap_size });
  }

  /** Forgets what was sampled so far (call before the part to measure). */
  async reset(): Promise<void> {
    await this.takeRss();
    this.heap = [];
    this.loopDelay.reset();
  }

  /** RSS samples since the last take, and the heap samples and longest event-loop block since reset. */
  async collect(): Promise<{ rss: MemorySample[]; heap: HeapSample[]; longestBlockMs: number }> {
    this.sampleHeap();
    const rss = await this.takeRss();
    return { rss, heap: this.heap.slice(), longestBlockMs: this.loopDelay.max / 1e6 };
  }

  async stop(): Promise<void> {
    clearInterval(this.heapTimer);
    this.loopDelay.disable();
    this.worker.postMessage("stop");
    await this.worker.terminate();
  }

  private takeRss(): Promise<MemorySample[]> {
    return new Promise((resolve) => {
      this.worker.once("message", (samples: Array<[number, number, number | null]>) => resolve(samples.map(([at, rss, postgresMs]) => ({ at, rss, postgresMs }))));
      this.worker.postMessage("take");
    });
  }
}

export const megabytes = (bytes: number) => bytes / (1024 * 1024);
