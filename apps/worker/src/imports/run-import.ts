import { randomUUID } from "node:crypto";
import { Logger } from "@nestjs/common";
import { PrismaNamespace, asTenantId, decryptSecrets, withTenant, type Prisma, type TenantId } from "@idlife/db";
import { DEFAULT_THRESHOLDS, ThresholdSettingsSchema, dateAmbiguityWarnings, evaluateThresholds, jsonEqual } from "@idlife/core";
import { inChunks } from "../in-chunks.ts";
import { ProgressReporter } from "../progress.ts";
import { runSnapshot } from "../snapshots/run-snapshot.ts";
import { loadDecisionSettings } from "../snapshots/decision-settings.ts";
import { fetchSourceData } from "./fetch-source-data.ts";
import { mapRawPersons, mappingFingerprint, parseMapping, type MappedRecord } from "@idlife/connectors";
import { loadRawData, storeRawData, type StoredRawData } from "./raw-data.ts";
import { storePushedRawData } from "./pushed-records.ts";
import { writeDepartments, writeSourceRecords, type SourceRecordWrite } from "./write-source-records.ts";

const logger = new Logger("Import");
const SAMPLE = 50;
/** The counts that compare this import's data with the source's stored records. */
const DIFFERENCE_COUNTS = ["added", "removed", "changed", "unchanged"] as const;
const RESTARTED = "The worker running this import stopped before the snapshot finished; the import was started again.";

export interface ImportDependencies {
  prisma: Prisma;
  secretsKey: Buffer;
  today?: () => string;
  /** How connectors make requests (connectorFetch); default the global fetch. */
  fetch?: typeof fetch;
  /** Time limit of one mapping script call (MAPPING_SCRIPT_TIMEOUT_MS); default the sandbox's 1 s. */
  mappingTimeoutMs?: number;
  /** Called with the persons the import's snapshot decided (the worker evaluates and enforces them). */
  afterSnapshot?: (tenantId: string, decided: { personIds: string[]; full: boolean }) => Promise<void>;
}

export type ImportOutcome = { status: "skipped" } | { status: "failed"; error: string } | { status: "blocked" } | { status: "completed"; counts: Record<string, number> };


/**
 * One import: fetch (or reuse the raw data of an approved import), store raw, map, check the
 * safety thresholds, write the source records, snapshot. Any failure before the write changes
 * no person; the import records the reason.
 */
export async function runImport(deps: ImportDependencies, input: { tenantId: string; importId: string }): Promise<ImportOutcome> {
  const tenantId = asTenantId(input.tenantId);
  const { prisma } = deps;
  const run = await claim(prisma, tenantId, input.importId);
  if (!run) return { status: "skipped" };
  const progress = new ProgressReporter<Record<string, unknown>>((value) =>
    withTenant(prisma, tenantId, (tx) => tx.import.update({ where: { id: run.id }, data: { progress: value as object } })).then(() => undefined),
  );
  const counts: Record<string, number> = {};
  try {
    const source = await withTenant(prisma, tenantId, (tx) => tx.sourceSystem.findFirstOrThrow({ where: { id: run.sourceSystemId, tenantId } }));
    let data: StoredRawData;
    let warnings: string[] = [];
    // A push names the persons it changes and removes; an import's delivery is the whole source.
    let pushedRemovals: Set<string> | undefined;
    if (run.trigger === "push") {
      progress.report({ phase: "storing", records: 0 });
      const pushed = await storePushedRawData(prisma, tenantId, run);
      pushedRemovals = pushed.removedKeys;
      data = pushed;
    } else if (run.rawSeq !== null) {
      // Approval applies what the administrator saw, and a restarted import what it stored:
      // the stored raw data, not a new fetch.
      data = await loadRawData(prisma, tenantId, run.id);
    } else {
      progress.report({ phase: "fetching", records: 0 });
      const uploads = await withTenant(prisma, tenantId, (tx) => tx.sourceUpload.findMany({ where: { tenantId, id: { in: run.uploadIds } } }));
      const fetched = await fetchSourceData(
        {
          connectorType: source.connectorType,
          settings: source.settings as Record<string, unknown>,
          secrets: decryptSecrets(source.secrets, deps.secretsKey),
          mapping: source.mapping,
          uploads: uploads.map((upload) => ({ role: upload.role, fileName: upload.fileName, content: upload.content })),
          ...(deps.fetch ? { fetch: deps.fetch } : {}),
        },
        (records, phase) => progress.report({ phase: "fetching", detail: phase, records }),
      );
      warnings = fetched.warnings;
      progress.report({ phase: "storing", records: fetched.persons.length });
      data = await storeRawData(prisma, tenantId, run.id, source.id, fetched);
    }
    counts.fetched = data.persons.length;
    warnings = [...warnings, ...dateAmbiguityWarnings(parseMapping(source.mapping), data.persons.map((entry) => entry.record))];
    counts.departments = data.departments.length;

    // Records delivered as before and mapped with the same mapping keep their mapped value:
    // only new and changed records are mapped (a 1% re-import maps 1%).
    const { today } = await loadDecisionSettings(prisma, tenantId, deps.today);
    const mappingHash = mappingFingerprint(source.mapping, today);
    // A push compares only the persons it names; an import, every person of the source.
    const pushedKeys = pushedRemovals ? [...data.persons.map((entry) => entry.sourceKey), ...pushedRemovals] : undefined;
    const compared = { externalId: true, delivered: true, blockedReasons: true, rawHash: true, mappingHash: true } as const;
    const previous = await withTenant(prisma, tenantId, (tx) =>
      pushedKeys
        ? inChunks(pushedKeys, (chunk) => tx.personSource.findMany({ where: { tenantId, sourceSystemId: source.id, externalId: { in: chunk } }, select: compared }))
        : tx.personSource.findMany({ where: { tenantId, sourceSystemId: source.id }, select: compared }),
    );
    const deliveredBeforeCount = pushedKeys
      ? await withTenant(prisma, tenantId, (tx) => tx.personSource.count({ where: { tenantId, sourceSystemId: source.id, delivered: true } }))
      : previous.filter((record) => record.delivered).length;
    const previousByKey = new Map(previous.map((record) => [record.externalId, record]));
    const toMap = data.persons.filter((entry) => {
      const before = previousByKey.get(entry.sourceKey);
      return !(before?.delivered && before.rawHash === entry.hash && before.mappingHash === mappingHash);
    });
    progress.report({ phase: "mapping", done: 0, total: toMap.length });
    const outcomes = await mapRawPersons(source.mapping, toMap, (done) => progress.report({ phase: "mapping", done, total: toMap.length }), { tenantId, ...(deps.mappingTimeoutMs ? { timeoutMs: deps.mappingTimeoutMs } : {}) });
    const mapped: SourceRecordWrite[] = outcomes.map((outcome, index) => ({ ...outcome, rawHash: toMap[index]!.hash }));
    const previousMapped = await loadMapped(prisma, tenantId, source.id, mapped.filter((record) => previousByKey.get(record.sourceKey)?.delivered).map((record) => record.sourceKey));

    const delivered = new Set(data.persons.map((entry) => entry.sourceKey));
    const deliveredBefore = previous.filter((record) => record.delivered);
    const added: SourceRecordWrite[] = [];
    const changed: SourceRecordWrite[] = [];
    const rehashed: SourceRecordWrite[] = [];
    for (const record of mapped) {
      const before = previousByKey.get(record.sourceKey);
      if (!before?.delivered) added.push(record);
      // A person blocked before and mapped now has changed even if the mapping equals their last good one.
      else if (record.mapped ? !jsonEqual(previousMapped.get(record.sourceKey), record.mapped) || before.blockedReasons.length > 0 : !jsonEqual(before.blockedReasons, record.reasons)) changed.push(record);
      else rehashed.push(record);
    }
    const removed = deliveredBefore.filter((record) => (pushedRemovals ? pushedRemovals.has(record.externalId) : !delivered.has(record.externalId)));
    const newlyBlocked = mapped.filter((record) => !record.mapped);
    const remapped = new Set(toMap);
    const stillBlocked = data.persons
      .filter((entry) => !remapped.has(entry) && (previousByKey.get(entry.sourceKey)?.blockedReasons.length ?? 0) > 0)
      .map((entry) => ({ sourceKey: entry.sourceKey, reasons: previousByKey.get(entry.sourceKey)!.blockedReasons }));
    // The counts speak of persons: a blocked person is counted as blocked, never as added or
    // changed (an import whose mapping throws for everyone added no one).
    const addedPersons = added.filter((record) => record.mapped);
    const changedPersons = changed.filter((record) => record.mapped);
    counts.blocked = newlyBlocked.length + stillBlocked.length;
    counts.mapped = data.persons.length - counts.blocked;
    counts.remapped = toMap.length;
    Object.assign(counts, {
      added: addedPersons.length,
      removed: removed.length,
      changed: changedPersons.length,
      unchanged: data.persons.length - addedPersons.length - changedPersons.length - counts.blocked,
    });
    // A restarted import compares with what its first attempt already wrote and would find nothing
    // new: it reports the differences that attempt saved before writing.
    const saved = run.counts as Record<string, number>;
    if (saved.added !== undefined) for (const key of DIFFERENCE_COUNTS) counts[key] = saved[key] ?? 0;

    const thresholds = ThresholdSettingsSchema.safeParse({ ...DEFAULT_THRESHOLDS, ...(source.thresholds as object) }).data ?? DEFAULT_THRESHOLDS;
    const evaluation = evaluateThresholds(
      // A push's blocked persons count against the source's whole delivery, not the few pushed.
      { previousCount: deliveredBeforeCount, delivered: pushedRemovals ? deliveredBeforeCount + addedPersons.length - removed.length : data.persons.length, added: addedPersons.length, removed: removed.length, blocked: counts.blocked },
      thresholds,
    );
    if (evaluation.exceeded && !run.approvedAt) {
      const report = {
        reasons: evaluation.reasons,
        wouldAdd: { count: addedPersons.length, sample: addedPersons.slice(0, SAMPLE).map((record) => record.sourceKey) },
        wouldRemove: { count: removed.length, sample: removed.slice(0, SAMPLE).map((record) => record.externalId) },
        wouldChange: { count: changedPersons.length, sample: changedPersons.slice(0, SAMPLE).map((record) => record.sourceKey) },
        blocked: { count: counts.blocked, sample: [...newlyBlocked.map((record) => ({ sourceKey: record.sourceKey, reasons: record.reasons ?? [] })), ...stillBlocked].slice(0, SAMPLE) },
      };
      await progress.flush();
      await finish(prisma, tenantId, run.id, { status: "blocked", counts, warnings, thresholdReport: report, progress: { phase: "blocked" } });
      logger.warn(`Import ${run.id} blocked: ${evaluation.reasons.map((reason) => reason.message).join("; ")}`);
      return { status: "blocked" };
    }

    await withTenant(prisma, tenantId, (tx) => tx.import.update({ where: { id: run.id }, data: { counts } }));
    progress.report({ phase: "writing" });
    // Only what differs from the stored source records: a 1% re-import writes 1%, not everything.
    await writeSourceRecords(prisma, tenantId, source.id, [...added, ...changed, ...rehashed], removed.map((record) => record.externalId), mappingHash, { latestRawOnly: pushedRemovals !== undefined });
    if (!pushedRemovals) await writeDepartments(prisma, tenantId, source.id, data.departments, source.mapping);

    progress.report({ phase: "snapshot" });
    const snapshotId = randomUUID();
    await withTenant(prisma, tenantId, (tx) => tx.snapshot.create({ data: { id: snapshotId, tenantId, cause: "import", importId: run.id, status: "running" } }));
    const snapshot = await runSnapshot({ prisma, today: deps.today }, { tenantId, snapshotId });
    if ("persons" in snapshot) Object.assign(counts, await personCounts(prisma, tenantId, run.id));

    await progress.flush();
    await finish(prisma, tenantId, run.id, { status: "completed", counts, warnings, thresholdReport: run.approvedAt ? { approved: true, reasons: evaluation.reasons } : null, progress: { phase: "done" } });
    if ("persons" in snapshot && deps.afterSnapshot) await deps.afterSnapshot(tenantId, { personIds: snapshot.decidedPersonIds, full: snapshot.mode === "full" });
    // A completed import replaces any earlier import of this source that a threshold blocked (a push, a few persons, does not).
    if (!pushedRemovals) await withTenant(prisma, tenantId, (tx) =>
      tx.import.updateMany({ where: { tenantId, sourceSystemId: source.id, status: "blocked", createdAt: { lt: run.createdAt } }, data: { status: "superseded" } }),
    );
    return { status: "completed", counts };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await progress.flush();
    await finish(prisma, tenantId, run.id, { status: "failed", counts, warnings: [], error: message, progress: { phase: "failed" } });
    logger.warn(`Import ${run.id} failed: ${message}`);
    return { status: "failed", error: message };
  }
}

async function claim(prisma: Prisma, tenantId: TenantId, importId: string) {
  return withTenant(prisma, tenantId, async (tx) => {
    const row = await tx.import.findFirst({ where: { id: importId, tenantId } });
    // "running" again means a worker died mid-import: start over (every step is repeatable).
    if (!row || (row.status !== "queued" && row.status !== "running")) return undefined;
    if (row.status === "running") {
      // The dead worker's snapshot, if it got that far, will never finish.
      await tx.snapshot.updateMany({ where: { tenantId, importId: row.id, status: { in: ["queued", "running"] } }, data: { status: "failed", error: RESTARTED, finishedAt: new Date() } });
    }
    // Counts of a first attempt (a blocked run before its approval) do not carry over; a restart's do.
    return tx.import.update({ where: { id: row.id }, data: { status: "running", startedAt: new Date(), error: null, ...(row.status === "queued" ? { counts: {} } : {}) } });
  });
}

/**
 * What this import's snapshots did to persons, all attempts together: a snapshot that completed
 * before a crash did the work, and the restart's snapshot finds nothing left to do.
 */
async function personCounts(prisma: Prisma, tenantId: TenantId, importId: string) {
  const snapshots = await withTenant(prisma, tenantId, (tx) => tx.snapshot.findMany({ where: { tenantId, importId, status: "completed" }, select: { counts: true } }));
  const sum = (key: string) => snapshots.reduce((total, snapshot) => total + Number((snapshot.counts as Record<string, unknown>)[key] ?? 0), 0);
  return { personsAdded: sum("added"), personsChanged: sum("changed"), personsBecameFormer: sum("becameFormer") };
}

/** The stored mapped values of the given records (those mapped again, to tell a change from none). */
async function loadMapped(prisma: Prisma, tenantId: TenantId, sourceSystemId: string, keys: readonly string[]) {
  const rows = await withTenant(prisma, tenantId, (tx) =>
    inChunks(keys, (chunk) => tx.personSource.findMany({ where: { tenantId, sourceSystemId, externalId: { in: chunk } }, select: { externalId: true, mapped: true } })),
  );
  return new Map<string, unknown>(rows.map((row) => [row.externalId, row.mapped]));
}

async function finish(
  prisma: Prisma,
  tenantId: TenantId,
  importId: string,
  result: { status: "completed" | "failed" | "blocked"; counts: Record<string, number>; warnings: string[]; error?: string; thresholdReport?: unknown; progress: object },
) {
  await withTenant(prisma, tenantId, (tx) =>
    tx.import.update({
      where: { id: importId },
      data: {
        status: result.status,
        counts: result.counts,
        warnings: result.warnings,
        error: result.error ?? null,
        ...(result.thresholdReport !== undefined
          ? { thresholdReport: result.thresholdReport === null ? PrismaNamespace.DbNull : (result.thresholdReport as object) }
          : {}),
        progress: result.progress,
        finishedAt: new Date(),
      },
    }),
  );
}

export type { MappedRecord };
