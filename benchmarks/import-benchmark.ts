/**
 * Import benchmark: the real pipeline (runImport: fetch/parse, store raw, map in isolated-vm,
 * thresholds, write source records, snapshot) on generated organisations, against a fresh
 * PostgreSQL database, as the application role (row-level security applies, as in production).
 *
 *   pnpm bench:import
 *   node --no-node-snapshot --import tsx benchmarks/import-benchmark.ts [options]
 *
 * Options:
 *   --sizes reference,100000   organisation sizes: "reference" (2,100 staff + 16,020 students) and/or a person count
 *   --percent 1                share of persons changed before the second import
 *   --profile                  also take a CPU profile of the main thread per import (slows it a little);
 *                              prints the hottest functions and writes .cpuprofile files
 *   --only hr|students         import one source only
 *   --json FILE                write all figures as JSON
 *   --keep                     keep the generated files and the databases
 *   --timeout 540              whole-run limit in seconds; the run stops and cleans up after it
 *
 * The HR and student sources are two source systems, so one round is two imports (HR, then
 * students), each ending with a snapshot of the whole tenant. Figures are per import and per
 * round (the two added up). See benchmarks/README.md for the figures measured on this machine.
 */
import { mkdtemp, rm, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir, cpus, totalmem, loadavg } from "node:os";
import { join } from "node:path";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { REFERENCE_CUSTOMER, applyChanges, generateOrganisation, shapeForPersons } from "../examples/generate/generate-organisation.ts";
import { runImport, type ImportOutcome } from "../apps/worker/src/imports/run-import.ts";
import { resolveSecretsKey } from "../packages/db/src/index.ts";
import { installQueryTrace, onTraceEvent, readCpu, startRecording } from "./lib/query-trace.ts";
import { PHASES, splitPhases, statementsByPhase, withPostgresCpu, type PhaseFigures, type StatementGroup } from "./lib/phases.ts";
import { Monitor, megabytes } from "./lib/monitor.ts";
import { ProgressPoller, type ObservedPhase } from "./lib/progress-poller.ts";
import { measurePersonSearch, type SearchFigures } from "./lib/person-search.ts";
import { saveProfile, startCpuProfile, summariseProfile, type ProfileSummary } from "./lib/cpu-profile.ts";
import {
  createBenchDatabase,
  createBenchTenant,
  createPrismaClient,
  dropStaleBenchDatabases,
  queueImport,
  tenantTotals,
  type BenchDatabase,
  type SourceKind,
} from "./lib/setup.ts";

const TODAY = "2026-11-22";
const DB_PREFIX = "idlife_bench_";
const TARGETS = { initialMs: 60_000, changedMs: 10_000, persons: 100_000, searchMs: 100 };

/* ------------------------------------------------------------------ options */

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "reference,100000" },
    percent: { type: "string", default: "1" },
    profile: { type: "boolean", default: false },
    only: { type: "string" },
    json: { type: "string" },
    keep: { type: "boolean", default: false },
    timeout: { type: "string", default: "540" },
    help: { type: "boolean", default: false },
  },
});
if (args.help) {
  // The options are documented at the top of this file and in benchmarks/README.md.
  const header = (await import("node:fs")).readFileSync(fileURLToPath(import.meta.url), "utf8").split("*/")[0]!;
  console.log(header.replace(/^\/\*\*\n?/, "").replace(/^ \* ?/gm, ""));
  process.exit(0);
}
const percent = Number(args.percent);
const runLimitMs = Number(args.timeout) * 1000;
if (!Number.isFinite(percent) || percent <= 0 || percent > 100) throw new Error("--percent must be a number in (0, 100]");
if (!Number.isFinite(runLimitMs) || runLimitMs <= 0) throw new Error("--timeout must be a number of seconds");
const kinds: SourceKind[] = args.only ? [args.only as SourceKind] : ["hr", "students"];
if (!kinds.every((kind) => kind === "hr" || kind === "students")) throw new Error("--only must be hr or students");

interface SizeSpec {
  label: string;
  staff: number;
  schools: number;
  students: number;
}

function sizeSpec(text: string): SizeSpec {
  if (text === "reference") {
    return { label: "reference", staff: REFERENCE_CUSTOMER.staff, schools: REFERENCE_CUSTOMER.schools, students: REFERENCE_CUSTOMER.schools * REFERENCE_CUSTOMER.studentsPerSchool };
  }
  const persons = Number(text.replace(/[_,]/g, ""));
  if (!Number.isInteger(persons) || persons < 10) throw new Error(`--sizes: '${text}' is neither "reference" nor a person count`);
  return { label: `${persons}`, ...shapeForPersons(persons) };
}
const sizes = args.sizes.split(",").map((text) => text.trim()).filter(Boolean).map(sizeSpec);

/* ------------------------------------------------------------------ output helpers */

const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const s = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const mb = (bytes: number) => megabytes(bytes).toFixed(0);
const int = (n: number) => Math.round(n).toLocaleString("en-US");
const pct = (part: number, whole: number) => (whole > 0 ? `${((part * 100) / whole).toFixed(0)}%` : "-");

function table(headers: string[], rows: string[][], alignLeft = 1): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < alignLeft ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** The code measured: commit, and whether the pipeline has uncommitted changes. */
function revision(): string {
  const root = fileURLToPath(new URL("../", import.meta.url));
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "apps/worker/src", "packages", "examples"], { cwd: root, encoding: "utf8" }).trim();
    return dirty ? `${head} + uncommitted pipeline changes` : head;
  } catch {
    return "unknown (no git)";
  }
}
const codeRevision = revision();

/* ------------------------------------------------------------------ one import */

interface ImportFigures {
  kind: SourceKind;
  status: ImportOutcome["status"];
  error?: string;
  counts: Record<string, number>;
  uploadBytes: number;
  ms: number;
  persons: number;
  phases: PhaseFigures[];
  /** Per phase: statements by kind and table, time in SQL and JavaScript time just before them. */
  statementsByPhase: Record<string, StatementGroup[]>;
  observed: Array<{ atMs: number; phase: string }>;
  statements: number;
  rssBeforeMb: number;
  peakRssMb: number;
  peakRssByPhaseMb: Record<string, number>;
  peakHeapUsedMb: number;
  peakHeapTotalMb: number;
  longestEventLoopBlockMs: number;
  /** V8 heap in use after a full GC, just before and just after the import. */
  heapAfterGcBeforeMb: number;
  heapAfterGcAfterMb: number;
  profile?: ProfileSummary;
  /** The profile cut by phase (phases of at least 3% of the import). */
  profileByPhase?: Array<{ name: string; summary: ProfileSummary }>;
  profilePath?: string;
}

interface RoundFigures {
  round: "initial" | "changed";
  imports: ImportFigures[];
  ms: number;
  persons: number;
  changes?: { changedPersons: number; personsBefore: number; personsAfter: number };
  totals: Awaited<ReturnType<typeof tenantTotals>>;
}

interface SizeFigures {
  label: string;
  shape: SizeSpec;
  generated: { persons: number; contracts: number; departments: number; staff: number; students: number; ms: number };
  rounds: RoundFigures[];
  search?: SearchFigures;
}

// A full GC before and after each import, so each import starts from the same heap and what an
// import leaves behind (retained after it finished) shows. Not part of any measured time.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
const heapAfterGc = () => {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

const secretsKey = resolveSecretsKey({ ...process.env, NODE_ENV: "development" });

async function measureImport(
  context: { app: ReturnType<typeof createPrismaClient>; owner: ReturnType<typeof createPrismaClient>; poller: ProgressPoller; monitor: Monitor; profileDir: string | undefined },
  tenant: Awaited<ReturnType<typeof createBenchTenant>>,
  kind: SourceKind,
  dir: string,
  tag: string,
): Promise<ImportFigures> {
  const { importId, bytes } = await queueImport(context.owner, tenant, kind, dir);
  const heapBefore = heapAfterGc();
  await context.monitor.reset();
  const rssBefore = process.memoryUsage.rss();
  context.poller.start(importId);
  const stopProfile = context.profileDir ? await startCpuProfile() : undefined;
  const stopRecording = startRecording();
  const started = readCpu();
  const outcome = await runImport({ prisma: context.app, secretsKey, today: () => TODAY }, { tenantId: tenant.tenantId, importId });
  const ended = readCpu();
  const trace = stopRecording();
  const observed: ObservedPhase[] = context.poller.stop();
  const profile = stopProfile ? await stopProfile() : undefined;
  const memory = await context.monitor.collect();

  const phases = splitPhases(trace, started, ended);
  withPostgresCpu(phases, memory.rss);
  const peakRssByPhaseMb: Record<string, number> = {};
  for (const phase of phases) {
    const inPhase = memory.rss.filter((sample) => sample.at >= phase.startAt && sample.at <= phase.endAt + 50);
    peakRssByPhaseMb[phase.name] = inPhase.length > 0 ? megabytes(Math.max(...inPhase.map((sample) => sample.rss))) : 0;
  }
  const row = await context.owner.import.findUniqueOrThrow({ where: { id: importId } });
  const heapAfter = heapAfterGc();
  const counts = (row.counts ?? {}) as Record<string, number>;
  const figures: ImportFigures = {
    kind,
    status: outcome.status,
    ...(outcome.status === "failed" ? { error: outcome.error } : {}),
    ...(row.status === "blocked" ? { error: JSON.stringify((row.thresholdReport as { reasons?: unknown } | null)?.reasons ?? null) } : {}),
    counts,
    uploadBytes: bytes,
    ms: ended.at - started.at,
    persons: counts.fetched ?? 0,
    phases,
    statementsByPhase: statementsByPhase(trace, phases),
    observed: observed.map((entry) => ({ atMs: Math.max(0, entry.at - started.at), phase: entry.phase })),
    statements: trace.length,
    rssBeforeMb: megabytes(rssBefore),
    peakRssMb: megabytes(Math.max(rssBefore, ...memory.rss.map((sample) => sample.rss))),
    peakRssByPhaseMb,
    peakHeapUsedMb: megabytes(Math.max(0, ...memory.heap.map((sample) => sample.used))),
    peakHeapTotalMb: megabytes(Math.max(0, ...memory.heap.map((sample) => sample.total))),
    longestEventLoopBlockMs: memory.longestBlockMs,
    heapAfterGcBeforeMb: megabytes(heapBefore),
    heapAfterGcAfterMb: megabytes(heapAfter),
  };
  if (profile && context.profileDir) {
    const windows = phases.filter((phase) => phase.ms >= figures.ms * 0.03).map((phase) => ({ name: phase.name, from: phase.startAt, to: phase.endAt }));
    const summary = summariseProfile(profile, windows);
    figures.profile = summary.all;
    figures.profileByPhase = summary.windows;
    figures.profilePath = join(context.profileDir, `${tag}-${kind}.cpuprofile`);
    await saveProfile(profile.profile, figures.profilePath);
  }
  return figures;
}

/* ------------------------------------------------------------------ reports */

function printImport(size: string, round: string, figures: ImportFigures): void {
  const title = `${size} / ${round} / ${figures.kind}: ${figures.status}, ${s(figures.ms)} s, ${int(figures.persons)} persons` +
    ` (${int(figures.persons / (figures.ms / 1000))}/s), ${int(figures.statements)} SQL statements`;
  console.log(`\n${title}`);
  if (figures.error) console.log(`  error: ${figures.error}`);
  const c = figures.counts;
  console.log(
    `  counts: fetched ${int(c.fetched ?? 0)}, mapped ${int(c.mapped ?? 0)}, blocked ${int(c.blocked ?? 0)}, added ${int(c.added ?? 0)}, changed ${int(c.changed ?? 0)}, ` +
      `removed ${int(c.removed ?? 0)}; persons added ${int(c.personsAdded ?? 0)}, changed ${int(c.personsChanged ?? 0)}, became former ${int(c.personsBecameFormer ?? 0)}`,
  );
  const rows = figures.phases.map((phase) => [
    phase.name,
    s(phase.ms),
    pct(phase.ms, figures.ms),
    s(phase.dbMs),
    s(phase.nodeCpuMs),
    phase.postgresCpuMs === null ? "-" : s(phase.postgresCpuMs),
    phase.otherCpuMs === null ? "-" : s(phase.otherCpuMs),
    int(phase.statements),
    (figures.peakRssByPhaseMb[phase.name] ?? 0).toFixed(0),
  ]);
  const sum = (pick: (phase: PhaseFigures) => number | null) =>
    figures.phases.some((phase) => pick(phase) === null) ? "-" : s(figures.phases.reduce((total, phase) => total + (pick(phase) ?? 0), 0));
  rows.push(["total", s(figures.ms), "100%", sum((p) => p.dbMs), sum((p) => p.nodeCpuMs), sum((p) => p.postgresCpuMs), sum((p) => p.otherCpuMs), int(figures.statements), figures.peakRssMb.toFixed(0)]);
  console.log(
    table(["  phase", "wall s", "share", "in SQL s", "node CPU s", "PG CPU s", "others CPU s", "stmts", "peak RSS MB"], rows.map((row) => [`  ${row[0]}`, ...row.slice(1)])),
  );
  console.log(
    `  memory: RSS ${figures.rssBeforeMb.toFixed(0)} MB before, peak ${figures.peakRssMb.toFixed(0)} MB; V8 heap peak (sampled) ${figures.peakHeapUsedMb.toFixed(0)} MB used / ` +
      `${figures.peakHeapTotalMb.toFixed(0)} MB allocated; longest event-loop block ${s(figures.longestEventLoopBlockMs)} s; ` +
      `heap after full GC ${figures.heapAfterGcBeforeMb.toFixed(0)} MB before → ${figures.heapAfterGcAfterMb.toFixed(0)} MB after`,
  );
  const statementLines = figures.phases
    .filter((phase) => phase.ms >= figures.ms * 0.05 && phase.statements > 0)
    .map((phase) => {
      // Statements on a table only: BEGIN/COMMIT/set_config carry no information of their own.
      const groups = (figures.statementsByPhase[phase.name] ?? []).filter((g) => /^\w+ [a-z_]+$/.test(g.statement) && g.sqlMs + g.prepMs >= phase.ms * 0.05).slice(0, 4);
      return groups.length === 0 ? "" : `    ${phase.name}: ${groups.map((g) => `${g.statement} ×${g.count} (SQL ${s(g.sqlMs)} s, JS before it ${s(g.prepMs)} s)`).join("; ")}`;
    })
    .filter(Boolean);
  if (statementLines.length > 0) console.log(`  statements (phases ≥ 5%; JS before a statement = preparing it):\n${statementLines.join("\n")}`);
  console.log(`  progress seen by a poller (import row every 50 ms): ${figures.observed.map((entry) => `${s(entry.atMs)} ${entry.phase}`).join(" → ")}`);
  if (figures.profile) printProfile(figures);
}

function printProfile(figures: ImportFigures): void {
  const profile = figures.profile!;
  console.log(`  CPU profile of the main thread: ${s(profile.totalMs)} s sampled, ${s(profile.idleMs)} s idle (waiting for PostgreSQL or isolated-vm); ${figures.profilePath}`);
  const areas = (summary: ProfileSummary) =>
    summary.byArea.filter((row) => row.ms >= summary.totalMs * 0.03).map((row) => `${row.area} ${pct(row.ms, summary.totalMs)}`).join(", ");
  console.log(`    whole import by area: ${areas(profile)}`);
  console.log(`    hottest (self): ${profile.topSelf.slice(0, 8).map((row) => `${row.name} [${row.where}] ${s(row.ms)}`).join("; ")}`);
  for (const { name, summary } of figures.profileByPhase ?? []) {
    console.log(`    ${name} (${s(summary.totalMs)} s): ${areas(summary)}`);
    console.log(`      pipeline functions (inclusive): ${summary.topInclusive.slice(0, 6).map((row) => `${row.name} [${row.where.replace(/^(apps|packages)\//, "")}] ${s(row.ms)}`).join("; ") || "-"}`);
    console.log(`      hottest (self): ${summary.topSelf.slice(0, 5).map((row) => `${row.name}${row.where ? ` [${row.where}]` : ""} ${s(row.ms)}`).join("; ")}`);
  }
}

function roundPhaseTotals(round: RoundFigures): Map<string, number> {
  const totals = new Map<string, number>(PHASES.map((name) => [name, 0]));
  for (const figures of round.imports) for (const phase of figures.phases) totals.set(phase.name, (totals.get(phase.name) ?? 0) + phase.ms);
  return totals;
}

function printSummary(results: SizeFigures[]): { missed: string[] } {
  console.log("\n================================================================ summary");
  console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; code ${codeRevision}; today = ${TODAY}; ${args.profile ? "WITH CPU profiling (slower)" : "no profiler attached"}`);
  const rows: string[][] = [];
  const missed: string[] = [];
  for (const size of results) {
    for (const round of size.rounds) {
      const imports = Object.fromEntries(round.imports.map((figures) => [figures.kind, figures]));
      const target = Number(size.label) === TARGETS.persons ? (round.round === "initial" ? TARGETS.initialMs : TARGETS.changedMs) : undefined;
      const ok = round.imports.every((figures) => figures.status === "completed");
      const met = target === undefined ? "-" : ok && round.ms < target ? `yes (< ${s(target)} s)` : `NO (target ${s(target)} s)`;
      if (target !== undefined && met.startsWith("NO")) missed.push(`${size.label} ${round.round}`);
      rows.push([
        size.label,
        round.round === "initial" ? "initial import" : `${percent}% changed`,
        int(round.persons),
        imports.hr ? s(imports.hr.ms) : "-",
        imports.students ? s(imports.students.ms) : "-",
        s(round.ms),
        int(round.persons / (round.ms / 1000)),
        Math.max(...round.imports.map((figures) => figures.peakRssMb)).toFixed(0),
        Math.max(...round.imports.map((figures) => figures.peakHeapUsedMb)).toFixed(0),
        ok ? met : `FAILED: ${round.imports.map((f) => f.status).join("/")}`,
      ]);
    }
  }
  console.log(table(["size", "run", "persons", "HR s", "students s", "total s", "persons/s", "peak RSS MB", "peak heap MB", "target met"], rows, 2));

  const others = results.flatMap((size) => size.rounds.flatMap((round) => round.imports));
  const otherCpu = others.reduce((sum, f) => sum + f.phases.reduce((t, p) => t + (p.otherCpuMs ?? 0), 0), 0);
  const wall = others.reduce((sum, f) => sum + f.ms, 0);
  const busy = otherCpu / wall;
  console.log(
    `competing load: other programs used ${s(otherCpu)} CPU-seconds during ${s(wall)} s of imports (${busy.toFixed(2)} of ${cpus().length} cores)` +
      (busy > 0.2 ? " - WARNING: the machine was not idle, the figures are inflated; run again on an idle machine" : ""),
  );
  console.log("\ntime per phase, both imports of a run added up (seconds, share of the run):");
  const phaseRows: string[][] = [];
  for (const size of results) {
    for (const round of size.rounds) {
      const totals = roundPhaseTotals(round);
      phaseRows.push([`${size.label} ${round.round}`, ...PHASES.map((name) => `${s(totals.get(name)!)} ${pct(totals.get(name)!, round.ms)}`)]);
    }
  }
  console.log(table(["run", ...PHASES], phaseRows));

  for (const size of results) {
    for (const round of size.rounds) {
      const t = round.totals;
      console.log(
        `${size.label} after ${round.round}: persons ${Object.entries(t.persons).map(([k, v]) => `${k} ${int(v)}`).join(", ")}; person_sources ${int(t.personSources)}; ` +
          `history rows ${int(t.history)}; raw records ${int(t.rawRecords)}` + (round.changes ? `; generator changed ${int(round.changes.changedPersons)} persons (${int(round.changes.personsBefore)} → ${int(round.changes.personsAfter)})` : ""),
      );
    }
  }

  console.log("\nperson search (the persons list with its count, 50 per page; terms: parts of names, ExternalIds, email addresses):");
  for (const size of results) {
    if (!size.search) continue;
    const { searches, medianMs, p95Ms, maxMs, deepPageMs } = size.search;
    const slow = Number(size.label) === TARGETS.persons && p95Ms >= TARGETS.searchMs;
    if (slow) missed.push(`${size.label} search`);
    console.log(
      `  ${size.label}: ${searches} searches, median ${medianMs.toFixed(1)} ms, p95 ${p95Ms.toFixed(1)} ms, max ${maxMs.toFixed(1)} ms; ` +
        `page after 2,000 persons by cursor ${deepPageMs.toFixed(1)} ms` + (Number(size.label) === TARGETS.persons ? (slow ? ` - NO (target p95 < ${TARGETS.searchMs} ms)` : ` - yes (p95 < ${TARGETS.searchMs} ms)`) : ""),
    );
  }

  if (missed.length > 0) {
    console.log(`\nTARGET MISSED: ${missed.join(", ")}. Where the time goes:`);
    for (const size of results) {
      for (const round of size.rounds) {
        if (!missed.includes(`${size.label} ${round.round}`)) continue;
        const totals = [...roundPhaseTotals(round).entries()].sort((a, b) => b[1] - a[1]);
        const db = (name: string) => round.imports.reduce((sum, f) => sum + (f.phases.find((p) => p.name === name)?.dbMs ?? 0), 0);
        const cpu = (name: string) => round.imports.reduce((sum, f) => sum + (f.phases.find((p) => p.name === name)?.nodeCpuMs ?? 0), 0);
        console.log(`  ${size.label} ${round.round} (${s(round.ms)} s):`);
        const pg = (name: string) => round.imports.reduce((sum, f) => sum + (f.phases.find((p) => p.name === name)?.postgresCpuMs ?? 0), 0);
        for (const [name, ms] of totals.slice(0, 5)) {
          console.log(
            `    ${name.padEnd(14)} ${s(ms).padStart(6)} s ${pct(ms, round.ms).padStart(4)}  (waiting for SQL ${s(db(name))} s; CPU: node ${s(cpu(name))} s, PostgreSQL ${s(pg(name))} s)`,
          );
          const rows = round.imports.flatMap(
            (f) => f.profileByPhase?.find((w) => w.name === name)?.summary.topInclusive.slice(0, 4).map((row) => `${f.kind}: ${row.name} ${s(row.ms)}`) ?? [],
          );
          if (rows.length > 0) console.log(`      functions (inclusive s): ${rows.join("; ")}`);
        }
        if (!round.imports.some((f) => f.profile)) console.log("    (run with --profile for the functions in each phase)");
      }
    }
  } else {
    console.log("\nAll targets met.");
  }
  return { missed };
}

/* ------------------------------------------------------------------ main */

async function main(): Promise<number> {
  const runStarted = Date.now();
  installQueryTrace();
  await silenceNestLogger();
  const idle = await machineLoad(2_000);
  log(`before the run: ${idle}`);
  const stale = await dropStaleBenchDatabases(DB_PREFIX);
  if (stale.length > 0) log(`dropped ${stale.length} database(s) left by an earlier run: ${stale.join(", ")}`);
  const work = await mkdtemp(join(tmpdir(), "idlife-bench-"));
  const profileDir = args.profile ? fileURLToPath(new URL("./profiles/", import.meta.url)) : undefined;
  if (profileDir) await mkdir(profileDir, { recursive: true });
  const monitor = new Monitor(50);
  onTraceEvent(() => monitor.sampleHeap());
  const databases: BenchDatabase[] = [];
  const results: SizeFigures[] = [];
  let finished = false;

  const cleanUp = async () => {
    await monitor.stop().catch(() => {});
    if (!args.keep) {
      for (const database of databases) await database.drop().catch((error: unknown) => log(`could not drop ${database.name}: ${String(error)}`));
      await rm(work, { recursive: true, force: true }).catch(() => {});
    } else {
      log(`kept ${work} and database(s) ${databases.map((d) => d.name).join(", ")}`);
    }
  };
  // The whole run is bounded: print what was measured, clean up, exit.
  const watchdog = setTimeout(() => {
    if (finished) return;
    log(`the run exceeded --timeout ${args.timeout} s: stopping`);
    if (results.length > 0) printSummary(results);
    void cleanUp().finally(() => process.exit(2));
  }, runLimitMs);
  watchdog.unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void cleanUp().finally(() => process.exit(130));
    });
  }

  try {
    for (const spec of sizes) {
      const dir = join(work, spec.label);
      log(`${spec.label}: generating ${int(spec.staff)} staff + ${int(spec.students)} students in ${spec.schools} schools`);
      const generated = await generateOrganisation({ outDir: dir, staff: spec.staff, schools: spec.schools, students: spec.students, referenceDate: TODAY });
      const database = await createBenchDatabase(`${DB_PREFIX}p${process.pid}_${spec.label}`);
      databases.push(database);
      log(`${spec.label}: database ${database.name} migrated`);
      const owner = createPrismaClient(database.ownerUrl, { maxConnections: 2 });
      const app = createPrismaClient(database.appUrl); // the worker's pool size (10)
      const poller = new ProgressPoller(database.ownerUrl);
      await poller.connect();
      const size: SizeFigures = {
        label: spec.label,
        shape: spec,
        generated: { persons: generated.persons, contracts: generated.contracts, departments: generated.departments, staff: generated.staff, students: generated.students, ms: generated.milliseconds },
        rounds: [],
      };
      results.push(size);
      try {
        const tenant = await createBenchTenant(owner, spec.label);
        for (const round of ["initial", "changed"] as const) {
          let changes: RoundFigures["changes"];
          if (round === "changed") {
            const summary = await applyChanges(dir, { percent, referenceDate: TODAY });
            changes = { changedPersons: summary.changedPersons, personsBefore: summary.personsBefore, personsAfter: summary.personsAfter };
            log(`${spec.label}: applyChanges ${percent}%: ${int(summary.changedPersons)} persons changed`);
          }
          const imports: ImportFigures[] = [];
          for (const kind of kinds) {
            log(`${spec.label} ${round}: importing ${kind}`);
            const figures = await measureImport({ app, owner, poller, monitor, profileDir }, tenant, kind, dir, `${spec.label}-${round}`);
            imports.push(figures);
            log(`${spec.label} ${round}: ${kind} ${figures.status} in ${s(figures.ms)} s`);
            printImport(spec.label, round, figures);
          }
          const totals = await tenantTotals(owner, tenant.tenantId);
          size.rounds.push({
            round,
            imports,
            ms: imports.reduce((sum, figures) => sum + figures.ms, 0),
            persons: imports.reduce((sum, figures) => sum + figures.persons, 0),
            ...(changes ? { changes } : {}),
            totals,
          });
        }
        size.search = await measurePersonSearch(app, owner, tenant.tenantId);
        log(`${spec.label}: person search median ${size.search.medianMs.toFixed(0)} ms, p95 ${size.search.p95Ms.toFixed(0)} ms`);
      } finally {
        await poller.close();
        await app.$disconnect();
        await owner.$disconnect();
        if (!args.keep) {
          await database.drop();
          databases.splice(databases.indexOf(database), 1);
        }
      }
    }
    finished = true;
    const { missed } = printSummary(results);
    if (args.json) {
      await writeFile(args.json, JSON.stringify({ date: new Date().toISOString(), revision: codeRevision, cores: cpus().length, node: process.version, profiled: args.profile, percent, results }, null, 2));
      log(`figures written to ${args.json}`);
    }
    log(`whole run: ${s(Date.now() - runStarted)} s`);
    // A benchmark reports: a missed target is printed (and in the JSON), not an error exit.
    void missed;
    return 0;
  } finally {
    finished = true;
    clearTimeout(watchdog);
    if (profileDir) log(`CPU profiles (open in Chrome DevTools or speedscope) in ${profileDir}`);
    await cleanUp();
  }
}

/**
 * How busy the machine is without the benchmark: the figures are only comparable on an otherwise
 * idle machine (2 cores: a test suite or a build running beside it inflates every phase).
 */
async function machineLoad(ms: number): Promise<string> {
  const before = readCpu();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = readCpu();
  if (before.machineMs === null || after.machineMs === null) return "machine load unknown (no /proc/stat)";
  const cores = (after.machineMs - before.machineMs - (after.processMs - before.processMs)) / (after.at - before.at);
  const warning = cores > 0.2 ? ` - WARNING: the machine is not idle (${cores.toFixed(2)} of ${cpus().length} cores busy with other work); figures will be inflated` : "";
  return `other processes use ${cores.toFixed(2)} cores; load average ${loadavg().map((value) => value.toFixed(2)).join(" ")}${warning}`;
}

/** The pipeline logs through NestJS's Logger; keep its warnings and errors, drop the chatter. */
async function silenceNestLogger(): Promise<void> {
  const requireFromWorker = createRequire(new URL("../apps/worker/package.json", import.meta.url));
  // Imported (not required) by its resolved URL: the very module instance the pipeline's ESM imports get.
  const { Logger } = (await import(pathToFileURL(requireFromWorker.resolve("@nestjs/common")).href)) as { Logger: { overrideLogger(levels: string[]): void } };
  Logger.overrideLogger(["warn", "error"]);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
