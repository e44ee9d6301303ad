/**
 * CPU profile of the main thread for one import (node:inspector, V8's sampling profiler), the
 * same data `node --cpu-prof` writes, plus a summary: where the main thread spent its time by
 * function (self and inclusive) and by source area. Scripts in isolated-vm run on the isolate's
 * own thread and do not appear here; the main thread is idle (or doing other work) meanwhile.
 */
import { Session } from "node:inspector/promises";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { relative } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  /** Self time by function. */
  topSelf: Array<{ name: string; where: string; ms: number }>;
  /** Inclusive time of functions from the repository (pipeline code), recursion counted once. */
  topInclusive: Array<{ name: string; where: string; ms: number }>;
  /** Self time by area: pipeline packages, Prisma, node-postgres, Node internals, GC... */
  byArea: Array<{ area: string; ms: number }>;
}

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

function where(url: string, line: number): string {
  if (!url) return "";
  if (url.startsWith("wasm://")) return "Prisma query compiler (wasm)";
  let path = url.startsWith("file://") ? fileURLToPath(url) : url;
  if (path.startsWith(repoRoot)) path = relative(repoRoot, path);
  path = path.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, "");
  // tsx-compiled files report line 1 for everything: the file is what tells.
  return line > 0 ? `${path}:${line + 1}` : path;
}

/**
 * The part of the code base a sample belongs to. Native and builtin frames (JSON.stringify,
 * TextDecoder, regular expressions...) count for the nearest caller with a source file, so
 * "apps/worker" includes the JSON.stringify it calls; Prisma's query compiler runs as
 * WebAssembly and counts for Prisma.
 */
function areaOf(node: ProfileNode, byId: ReadonlyMap<number, ProfileNode>, parent: ReadonlyMap<number, number>): string {
  const { functionName } = node.callFrame;
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(idle)") return "idle (waiting: PostgreSQL, isolated-vm)";
  if (functionName === "(program)") return "V8/native (program)";
  for (let current: ProfileNode | undefined = node; current; current = byId.get(parent.get(current.id) ?? -1)) {
    const url = current.callFrame.url;
    if (url.startsWith("wasm://")) return "Prisma (@prisma/*)";
    if (url) return areaOfUrl(url);
  }
  return "V8 builtins/native";
}

function areaOfUrl(url: string): string {
  const path = url.startsWith("file://") ? fileURLToPath(url) : url;
  if (path.startsWith("node:")) return "Node internals";
  const pkg = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  if (pkg) return pkg.startsWith("@prisma/") || pkg === "prisma" ? "Prisma (@prisma/*)" : pkg;
  if (path.startsWith(repoRoot)) {
    const rel = relative(repoRoot, path);
    const parts = rel.split("/");
    if (parts[0] === "packages" && parts[1] === "db" && parts[3] === "generated") return "Prisma (generated client)";
    return parts.slice(0, parts[0] === "apps" || parts[0] === "packages" ? 2 : 1).join("/");
  }
  return "other";
}

function isRepoCode(url: string): boolean {
  if (!url.startsWith("file://")) return false;
  const path = fileURLToPath(url);
  return path.startsWith(repoRoot) && !path.includes("node_modules") && !path.includes("/generated/");
}

export interface ProfileRun {
  profile: CpuProfile;
  /** Profile clock (µs, monotonic) minus wall clock (ms since the epoch) at the start, in ms. */
  clockOffsetMs: number;
}

export async function startCpuProfile(samplingIntervalUs = 500): Promise<() => Promise<ProfileRun>> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: samplingIntervalUs });
  // V8's profile clock is CLOCK_MONOTONIC, the clock of process.hrtime.
  const clockOffsetMs = Number(process.hrtime.bigint()) / 1e6 - (performance.timeOrigin + performance.now());
  await session.post("Profiler.start");
  return async () => {
    const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: CpuProfile };
    await session.post("Profiler.disable");
    session.disconnect();
    return { profile, clockOffsetMs };
  };
}

export async function saveProfile(profile: CpuProfile, path: string): Promise<void> {
  await writeFile(path, JSON.stringify(profile));
}

/** Frames that are on the stack for a whole phase and say nothing about where its time goes. */
const ORCHESTRATION = /^(runImport|runSnapshot|withTenant.*|prisma\.\$transaction.*|\(anonymous\))$/;

/**
 * Self and inclusive time per function and time per area, for the whole profile and for each
 * window (a phase, in wall-clock ms since the epoch). Time per sample from the sample deltas.
 */
export function summariseProfile(
  run: ProfileRun,
  windows: ReadonlyArray<{ name: string; from: number; to: number }> = [],
  top = 15,
): { all: ProfileSummary; windows: Array<{ name: string; summary: ProfileSummary }> } {
  const { profile, clockOffsetMs } = run;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const key = (node: ProfileNode) => `${node.callFrame.functionName || "(anonymous)"}\u0000${where(node.callFrame.url, node.callFrame.lineNumber)}`;

  // Per node, what a sample of it adds up to: its self key, its area, the repository functions on its stack.
  const nodeInfo = new Map<number, { self: string; area: string; stack: string[]; idle: boolean }>();
  const infoOf = (id: number) => {
    let info = nodeInfo.get(id);
    if (!info) {
      const node = byId.get(id)!;
      const stack: string[] = [];
      for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
        const frame = byId.get(current)!;
        if (!isRepoCode(frame.callFrame.url) || frame.callFrame.url.includes("/benchmarks/")) continue;
        const k = key(frame);
        if (!stack.includes(k)) stack.push(k);
      }
      info = { self: key(node), area: areaOf(node, byId, parent), stack, idle: node.callFrame.functionName === "(idle)" };
      nodeInfo.set(id, info);
    }
    return info;
  };

  const accumulators = [{ name: "", from: -Infinity, to: Infinity }, ...windows].map((window) => ({
    window,
    self: new Map<string, number>(),
    inclusive: new Map<string, number>(),
    area: new Map<string, number>(),
    totalUs: 0,
    idleUs: 0,
  }));
  let timeUs = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    timeUs += profile.timeDeltas[i] ?? 0;
    // timeDeltas[i] is the time before sample i; the time after it belongs to sample i.
    const us = Math.max(0, profile.timeDeltas[i + 1] ?? 0);
    const at = timeUs / 1000 - clockOffsetMs;
    const info = infoOf(profile.samples[i]!);
    for (const acc of accumulators) {
      if (at < acc.window.from || at >= acc.window.to) continue;
      acc.totalUs += us;
      if (info.idle) acc.idleUs += us;
      else acc.self.set(info.self, (acc.self.get(info.self) ?? 0) + us);
      acc.area.set(info.area, (acc.area.get(info.area) ?? 0) + us);
      for (const k of info.stack) acc.inclusive.set(k, (acc.inclusive.get(k) ?? 0) + us);
    }
  }
  const rows = (map: Map<string, number>, keep: (name: string) => boolean = () => true) =>
    [...map.entries()]
      .map(([k, us]) => {
        const [name, at] = k.split("\u0000");
        return { name: name!, where: at!, ms: us / 1000 };
      })
      .filter((row) => keep(row.name))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top);
  const summaries = accumulators.map((acc) => ({
    name: acc.window.name,
    summary: {
      totalMs: acc.totalUs / 1000,
      idleMs: acc.idleUs / 1000,
      topSelf: rows(acc.self),
      topInclusive: rows(acc.inclusive, (name) => !ORCHESTRATION.test(name)),
      byArea: [...acc.area.entries()].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ area: name, ms: us / 1000 })),
    },
  }));
  return { all: summaries[0]!.summary, windows: summaries.slice(1) };
}
