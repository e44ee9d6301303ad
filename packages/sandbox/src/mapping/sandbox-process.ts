import { fork, type ChildProcess } from "node:child_process";
import { dirname, resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { TRACE_FD, type HostReply, type HostRequest } from "./sandbox-protocol.ts";

/** Lines of V8's diagnostic dump on a fatal error (GC trace, heap statistics, stack of native frames). */
const V8_DUMP = /^\s*$|^\s*\w+ = \d+|Last few GCs|Heap statistics|Mark-Compact|Scavenge|Mark-sweep|^\[\d+:0x|^\s*\d+: 0x|Native stack|CALL_AND_RETRY|^<---|^=====|^\s*#/;

const hostFile = fileURLToPath(new URL("./mapping-host.ts", import.meta.url));
const packageDir = resolve(dirname(hostFile), "../..");

/** The sandbox process ended while a request was outstanding. `lastTraced` is the last input a trace run announced. */
export class SandboxCrashed extends Error {
  override readonly name = "SandboxCrashed";
  constructor(
    readonly lastTraced: number | undefined,
    detail: string,
  ) {
    super(`The mapping sandbox process ended (${detail})`);
  }
}

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * One child process that runs mapping programs (mapping-host.ts), shared by every mapping
 * program of this process and started on first use. When it dies, every outstanding request
 * fails with SandboxCrashed and the next request starts a new one; `generation` tells programs
 * that they must be created again there.
 */
class SandboxProcess {
  generation = 0;
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private readonly pending = new Map<number, Pending>();
  private readonly traced = new Map<number, number>();
  private nextId = 1;

  async request<T>(message: WithoutId<Extract<HostRequest, { id: number }>>): Promise<T> {
    await this.start();
    const id = this.nextId++;
    const child = this.child!;
    return new Promise<T>((resolvePromise, reject) => {
      this.pending.set(id, { resolve: resolvePromise as (value: unknown) => void, reject });
      this.setKeepAlive(true);
      child.send({ ...message, id } as HostRequest, (error) => {
        if (error && this.pending.delete(id)) reject(new SandboxCrashed(this.traced.get(id), error.message));
      });
    });
  }

  notify(message: Extract<HostRequest, { kind: "dispose" }>) {
    if (this.child?.connected) this.child.send(message, () => undefined);
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    this.generation++;
    const child = fork(hostFile, [], {
      cwd: packageDir,
      execArgv: ["--no-node-snapshot", "--import", "tsx"],
      stdio: ["ignore", "inherit", "pipe", "ipc", "pipe"],
      serialization: "advanced",
    });
    this.child = child;
    const marks = child.stdio[TRACE_FD] as Readable;
    createInterface({ input: marks }).on("line", (line) => {
      const [id, index] = line.split(":").map(Number);
      if (id !== undefined && index !== undefined) this.traced.set(id, index);
    });
    // Passed on, except V8's heap dump when a script makes it abort: the crash is reported once, below.
    let fatal: string | undefined;
    createInterface({ input: child.stderr! }).on("line", (line) => {
      const reason = /CALL_AND_RETRY_LAST|out of memory|invalid (table|array) size/i.exec(line);
      if (reason) fatal ??= `V8 fatal out-of-memory error (${reason[0]})`;
      else if (!V8_DUMP.test(line)) process.stderr.write(`${line}\n`);
    });
    this.ready = new Promise<void>((resolveReady, rejectReady) => {
      child.on("message", (reply: HostReply) => {
        if (reply.id === 0) {
          if (this.pending.size === 0) this.setKeepAlive(false);
          return resolveReady();
        }
        const waiting = this.pending.get(reply.id);
        if (!waiting) return;
        this.pending.delete(reply.id);
        this.traced.delete(reply.id);
        if (this.pending.size === 0) this.setKeepAlive(false);
        if (reply.ok) waiting.resolve(reply.value);
        else waiting.reject(new Error(reply.message));
      });
      child.once("exit", (code, signal) => {
        const detail = `${signal ? `signal ${signal}` : `exit code ${code}`}${fatal ? `: ${fatal}` : ""}`;
        if (signal || code) process.stderr.write(`The mapping sandbox process ended (${detail}); a new one takes over.\n`);
        if (this.child === child) {
          this.child = undefined;
          this.ready = undefined;
          // Programs created in the dead process must be created again.
          this.generation++;
        }
        rejectReady(new SandboxCrashed(undefined, detail));
        for (const [id, waiting] of this.pending) waiting.reject(new SandboxCrashed(this.traced.get(id), detail));
        this.pending.clear();
        this.traced.clear();
      });
    });
    this.ready.catch(() => undefined);
    return this.ready;
  }

  /** An idle sandbox process does not keep this process alive; one with work outstanding does. */
  private setKeepAlive(keep: boolean) {
    const child = this.child;
    if (!child) return;
    const handles = [child, child.channel, child.stdio[TRACE_FD]] as Array<{ ref?: () => void; unref?: () => void } | null | undefined>;
    for (const handle of handles) (keep ? handle?.ref : handle?.unref)?.call(handle);
  }
}

export const sandboxProcess = new SandboxProcess();
