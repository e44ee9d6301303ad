import { fork, type ChildProcess } from "node:child_process";
import { dirname, resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { TRACE_FD, type HostCall, type HostMessage, type HostRequest } from "./sandbox-protocol.ts";

/** Lines of V8's diagnostic dump on a fatal error (GC trace, heap statistics, stack of native frames). */
const V8_DUMP = /^\s*$|^\s*\w+ = \d+|Last few GCs|Heap statistics|Mark-Compact|Scavenge|Mark-sweep|^\[\d+:0x|^\s*\d+: 0x|Native stack|CALL_AND_RETRY|^<---|^=====|^\s*#/;
const V8_FATAL = /CALL_AND_RETRY_LAST|out of memory|invalid (table|array) size|invalid size error|Fatal (JavaScript|process)/i;

const hostFile = fileURLToPath(new URL("./sandbox-host.ts", import.meta.url));
const packageDir = resolve(dirname(hostFile), "../..");

/** Every sandbox process started by this process gets its own number, so a program knows where it was created. */
let incarnations = 0;

/** The sandbox process ended while a request was outstanding. `lastTraced` is the last input a trace run announced. */
export class SandboxCrashed extends Error {
  override readonly name = "SandboxCrashed";
  constructor(
    readonly lastTraced: number | undefined,
    readonly detail: string,
  ) {
    super(`The sandbox process ended (${detail})`);
  }
}

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;
export type SandboxRequest = WithoutId<Extract<HostRequest, { id: number }>>;
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; onCall: ((call: HostCall) => void) | undefined };

/**
 * One child process that runs administrator scripts (sandbox-host.ts), started on first use.
 * When it dies, every outstanding request fails with SandboxCrashed and the next request starts a
 * new one, with a new `incarnation`: programs created in the dead one must be created again.
 */
export class SandboxProcess {
  incarnation = 0;
  /** Called whenever the last outstanding request is answered (the pool's idle clock starts). */
  onIdle: (() => void) | undefined;
  private child: ChildProcess | undefined;
  private ready: Promise<number> | undefined;
  private readonly pending = new Map<number, Pending>();
  private readonly traced = new Map<number, number>();
  private nextId = 1;
  /** Processes ended on purpose: their exit is not worth a line on stderr (a new one may already run). */
  private readonly stopped = new WeakSet<ChildProcess>();

  constructor(private readonly label: string) {}

  get busy(): boolean {
    return this.pending.size > 0;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Sends a request; `onCall` receives what the sandbox asks of this process while serving it. */
  async request<T>(message: SandboxRequest, onCall?: (call: HostCall) => void): Promise<T> {
    await this.start();
    const id = this.nextId++;
    const child = this.child!;
    return new Promise<T>((resolvePromise, reject) => {
      this.pending.set(id, { resolve: resolvePromise as (value: unknown) => void, reject, onCall });
      this.setKeepAlive(true);
      child.send({ ...message, id } as HostRequest, (error) => {
        if (error && this.pending.delete(id)) reject(new SandboxCrashed(this.traced.get(id), error.message));
      });
    });
  }

  notify(message: Extract<HostRequest, { kind: "dispose" | "http-reply" }>) {
    if (this.child?.connected) this.child.send(message, () => undefined);
  }

  /** Ends the process now; outstanding requests fail with SandboxCrashed (detail: `reason`). */
  stop(reason = "stopped"): void {
    const child = this.child;
    if (!child) return;
    this.stopped.add(child);
    child.kill("SIGKILL");
    this.finished(child, reason);
  }

  /** Starts the process if it is not running; resolves with its incarnation once it is ready. */
  start(): Promise<number> {
    if (this.ready) return this.ready;
    const incarnation = ++incarnations;
    this.incarnation = incarnation;
    const child = fork(hostFile, [], {
      cwd: packageDir,
      execArgv: ["--no-node-snapshot", "--import", "tsx"],
      stdio: ["ignore", "inherit", "pipe", "ipc", "pipe"],
      serialization: "advanced",
    });
    this.child = child;
    createInterface({ input: child.stdio[TRACE_FD] as Readable }).on("line", (line) => {
      const [id, index] = line.split(":").map(Number);
      if (id !== undefined && index !== undefined) this.traced.set(id, index);
    });
    // Passed on, except V8's heap dump when a script makes it abort: the crash is reported once, below.
    let fatal: string | undefined;
    createInterface({ input: child.stderr! }).on("line", (line) => {
      const reason = V8_FATAL.exec(line);
      if (reason) fatal ??= `V8 fatal error (${reason[0]})`;
      else if (!V8_DUMP.test(line)) process.stderr.write(`${line}\n`);
    });
    this.ready = new Promise<number>((resolveReady, rejectReady) => {
      child.on("message", (message: HostMessage) => {
        if ("kind" in message) return this.pending.get(message.id)?.onCall?.(message);
        if (message.id === 0) {
          if (this.pending.size === 0) this.setKeepAlive(false);
          return resolveReady(incarnation);
        }
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        this.traced.delete(message.id);
        if (message.ok) waiting.resolve(message.value);
        else waiting.reject(new Error(message.message));
        if (this.pending.size === 0) {
          this.setKeepAlive(false);
          this.onIdle?.();
        }
      });
      child.once("exit", (code, signal) => {
        const detail = `${signal ? `signal ${signal}` : `exit code ${code}`}${fatal ? `: ${fatal}` : ""}`;
        if ((signal || code) && !this.stopped.has(child)) process.stderr.write(`The ${this.label} sandbox process ended (${detail}).\n`);
        rejectReady(new SandboxCrashed(undefined, detail));
        this.finished(child, detail);
      });
    });
    this.ready.catch(() => undefined);
    return this.ready;
  }

  private finished(child: ChildProcess, detail: string) {
    if (this.child !== child) return;
    this.child = undefined;
    this.ready = undefined;
    for (const [id, waiting] of this.pending) waiting.reject(new SandboxCrashed(this.traced.get(id), detail));
    this.pending.clear();
    this.traced.clear();
    this.onIdle?.();
  }

  /** An idle sandbox process does not keep this process alive; one with work outstanding does. */
  private setKeepAlive(keep: boolean) {
    const child = this.child;
    if (!child) return;
    const handles = [child, child.channel, child.stdio[TRACE_FD]] as Array<{ ref?: () => void; unref?: () => void } | null | undefined>;
    for (const handle of handles) (keep ? handle?.ref : handle?.unref)?.call(handle);
  }
}
