import { SandboxProcess } from "./sandbox-process.ts";

export interface SandboxPoolOptions {
  /** Sandbox processes alive at once (one per tenant with mapping work). Default 4. */
  maxProcesses?: number;
  /** An unused process ends after this long. Default 60 s. */
  idleMs?: number;
}

interface Entry {
  process: SandboxProcess;
  /** Mapping programs created in it and not disposed: while any lives, it is not shut down. */
  programs: number;
  idleTimer: NodeJS.Timeout | undefined;
  lastUsed: number;
}

/**
 * Mapping sandbox processes, one per tenant, so a script that takes its process down (or makes
 * its programs give up) only ever affects its own tenant's records. Bounded: when every slot is
 * taken, a tenant waits until another tenant's process is idle, which is then shut down.
 */
class SandboxPool {
  private maxProcesses = 4;
  private idleMs = 60_000;
  private readonly entries = new Map<string, Entry>();
  private readonly waiting: Array<() => void> = [];

  configure(options: SandboxPoolOptions) {
    if (options.maxProcesses !== undefined) this.maxProcesses = Math.max(1, options.maxProcesses);
    if (options.idleMs !== undefined) this.idleMs = Math.max(1, options.idleMs);
  }

  /** The tenant's process, with a program counted as living in it until `release`. */
  async acquire(tenantKey: string): Promise<SandboxProcess> {
    for (;;) {
      const entry = this.entries.get(tenantKey) ?? this.open(tenantKey);
      if (entry) {
        entry.programs++;
        this.touch(entry);
        return entry.process;
      }
      await new Promise<void>((resolveWait) => this.waiting.push(resolveWait));
    }
  }

  /** A program of the tenant was disposed. */
  release(tenantKey: string, process: SandboxProcess) {
    const entry = this.entries.get(tenantKey);
    if (!entry || entry.process !== process) return;
    entry.programs = Math.max(0, entry.programs - 1);
    this.touch(entry);
  }

  /** Live processes by tenant (for diagnostics and tests). */
  processes(): ReadonlyMap<string, SandboxProcess> {
    return new Map([...this.entries].map(([key, entry]) => [key, entry.process]));
  }

  private open(tenantKey: string): Entry | undefined {
    while (this.entries.size >= this.maxProcesses) if (!this.evictIdle()) return undefined;
    const process = new SandboxProcess(`mapping (tenant ${tenantKey})`);
    const entry: Entry = { process, programs: 0, idleTimer: undefined, lastUsed: Date.now() };
    process.onIdle = () => this.touch(entry);
    this.entries.set(tenantKey, entry);
    return entry;
  }

  /** Shuts down the least recently used idle process; false when every process is busy. */
  private evictIdle(): boolean {
    const idle = [...this.entries].filter(([, entry]) => this.isIdle(entry)).sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    const [key] = idle[0] ?? [];
    if (key === undefined) return false;
    this.close(key);
    return true;
  }

  private isIdle(entry: Entry) {
    return entry.programs === 0 && !entry.process.busy;
  }

  private touch(entry: Entry) {
    entry.lastUsed = Date.now();
    clearTimeout(entry.idleTimer);
    entry.idleTimer = undefined;
    if (!this.isIdle(entry)) return;
    const key = [...this.entries].find(([, candidate]) => candidate === entry)?.[0];
    if (key === undefined) return;
    // A waiting tenant may take this slot now; otherwise the process ends after idleMs.
    if (this.waiting.length > 0) {
      this.close(key);
      return;
    }
    entry.idleTimer = setTimeout(() => this.isIdle(entry) && this.close(key), this.idleMs);
    entry.idleTimer.unref();
  }

  private close(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    clearTimeout(entry.idleTimer);
    this.entries.delete(key);
    entry.process.onIdle = undefined;
    entry.process.stop("idle");
    this.waiting.shift()?.();
  }
}

export const sandboxPool = new SandboxPool();

/** Sets how many mapping sandbox processes may live at once and when an unused one ends. */
export function configureSandboxPool(options: SandboxPoolOptions) {
  sandboxPool.configure(options);
}
