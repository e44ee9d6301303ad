import { randomUUID } from "node:crypto";
import { Logger } from "@nestjs/common";
import { asTenantId, withTenant, type Prisma, type TenantId, type TransactionClient } from "@idlife/db";
import {
  blockKeyOf,
  decidePersons,
  normaliseText,
  personLookupKeys,
  personsJoinedBy,
  type DecideOptions,
  type Person,
  type PersonLookup,
  type SourceRecord,
} from "@idlife/core";
import { inChunks } from "../in-chunks.ts";
import { ProgressReporter } from "../progress.ts";
import { decisionBasis, loadDecisionSettings } from "./decision-settings.ts";
import { lockTenantPersons } from "./tenant-lock.ts";
import { isoDateOf, planPersonWrites, writePersonBatch, type StoredPerson } from "./write-persons.ts";

const BATCH = 2_000;
/** Above this share of persons changed, deciding everyone is cheaper than picking them out. */
const INCREMENTAL_MAX_SHARE = 0.25;
const logger = new Logger("Snapshot");

export interface SnapshotDependencies {
  prisma: Prisma;
  /** Today's date in the tenant's time zone (injectable for tests). */
  today?: () => string;
  /** Re-maps every source from its latest raw data (configuration changes); supplied by the import module. */
  remapSources?: (tenantId: string, today: string) => Promise<void>;
}

export interface SnapshotCounts {
  mode: "full" | "incremental";
  /** Persons of the tenant after the snapshot. */
  persons: number;
  /** Persons decided (every person in a full snapshot; those whose sources changed, and whom they join, in an incremental one). */
  considered: number;
  added: number;
  changed: number;
  becameFormer: number;
  unchanged: number;
}

const SOURCE_COLUMNS = { id: true, sourceSystemId: true, externalId: true, mapped: true, delivered: true, personId: true, aggregation: true } as const;

type SourceRow = { id: string; sourceSystemId: string; externalId: string; mapped: unknown; delivered: boolean; personId: string | null; aggregation: string | null };
type PersonRow = Awaited<ReturnType<TransactionClient["person"]["findMany"]>>[number];

function toSourceRecord(row: SourceRow): SourceRecord {
  return { id: row.id, aggregation: row.aggregation, sourceSystemId: row.sourceSystemId, sourceKey: row.externalId, mapped: (row.mapped as Person | null) ?? null, delivered: row.delivered, personId: row.personId };
}

/** What a snapshot decides from: the source records and stored persons it considers. */
interface SnapshotInput {
  sources: SourceRecord[];
  stored: PersonRow[];
  lookup?: PersonLookup;
  /** Persons of the tenant before this snapshot (incremental only; a full snapshot decides them all). */
  total?: number;
}

async function loadEveryone(tx: TransactionClient, tenantId: TenantId): Promise<SnapshotInput> {
  const sources = await tx.personSource.findMany({ where: { tenantId }, select: { ...SOURCE_COLUMNS, aggregationBlock: true } });
  await repairAggregationBlocks(tx, tenantId, sources);
  const stored = await tx.person.findMany({ where: { tenantId } });
  return { sources: sources.map(toSourceRecord), stored };
}

/**
 * The persons whose source records changed since the last snapshot (pending), the persons new
 * records join, and every source record of those persons. Undefined when too many changed.
 */
async function loadChanged(tx: TransactionClient, tenantId: TenantId, options: DecideOptions): Promise<SnapshotInput | undefined> {
  const pending = await tx.personSource.findMany({ where: { tenantId, pendingSnapshot: true }, select: SOURCE_COLUMNS });
  const total = await tx.person.count({ where: { tenantId } });
  if (pending.length > Math.max(1_000, total * INCREMENTAL_MAX_SHARE)) return undefined;
  const unlinked = pending.filter((row) => !row.personId).map(toSourceRecord);
  const affected = new Set(pending.flatMap((row) => (row.personId ? [row.personId] : [])));
  let lookup: PersonLookup | undefined;
  if (unlinked.some((record) => record.mapped)) {
    lookup = await loadLookup(tx, tenantId, personLookupKeys(unlinked));
    for (const id of personsJoinedBy(unlinked, { ...options, lookup })) affected.add(id);
  }
  const ids = [...affected];
  const stored = await inChunks(ids, (chunk) => tx.person.findMany({ where: { tenantId, id: { in: chunk } } }));
  const linked = await inChunks(ids, (chunk) => tx.personSource.findMany({ where: { tenantId, personId: { in: chunk } }, select: SOURCE_COLUMNS }));
  return { sources: [...linked.map(toSourceRecord), ...unlinked], stored, total, ...(lookup ? { lookup } : {}) };
}

/**
 * The persons new records could join: those with their ExternalIds (and the "-2", "-3"... a new
 * person would get when its ExternalId is taken) with the source systems of their records (a
 * record joins by ExternalId only within its own source), and the linked records in their
 * aggregation blocks.
 */
async function loadLookup(tx: TransactionClient, tenantId: TenantId, keys: { externalIds: string[]; blocks: string[] }): Promise<PersonLookup> {
  const externalIds = new Map<string, string>();
  let wanted = keys.externalIds.map((base) => ({ base, candidate: base }));
  for (let suffix = 2; wanted.length > 0; suffix++) {
    const rows = await inChunks(
      wanted.map((entry) => entry.candidate),
      (chunk) => tx.person.findMany({ where: { tenantId, externalId: { in: chunk } }, select: { id: true, externalId: true } }),
    );
    for (const row of rows) externalIds.set(row.externalId, row.id);
    wanted = wanted.filter((entry) => externalIds.has(entry.candidate)).map((entry) => ({ base: entry.base, candidate: `${entry.base}-${suffix}` }));
  }
  const owners = await inChunks([...new Set(externalIds.values())], (chunk) =>
    tx.personSource.findMany({ where: { tenantId, personId: { in: chunk } }, select: { personId: true, sourceSystemId: true }, distinct: ["personId", "sourceSystemId"] }),
  );
  const sourceSystems = new Map<string, string[]>();
  for (const row of owners) sourceSystems.set(row.personId!, [...(sourceSystems.get(row.personId!) ?? []), row.sourceSystemId]);
  const linked = await inChunks(keys.blocks, (chunk) =>
    tx.personSource.findMany({
      where: { tenantId, aggregationBlock: { in: chunk }, personId: { not: null } },
      select: { personId: true, aggregation: true, person: { select: { pendingMerge: true } } },
    }),
  );
  return { externalIds, sourceSystems, aggregation: linked.map((row) => ({ personId: row.personId!, aggregation: row.aggregation, held: row.person?.pendingMerge ?? false })) };
}

/**
 * Keeps person_sources.aggregation_block (what an incremental snapshot finds candidates by) equal
 * to the block of each Aggregation value; a full snapshot repairs rows written before it existed.
 */
async function repairAggregationBlocks(tx: TransactionClient, tenantId: TenantId, sources: ReadonlyArray<{ id: string; aggregation: string | null; aggregationBlock: string | null }>) {
  const wrong = sources
    .map((source) => ({ id: source.id, block: source.aggregation && normaliseText(source.aggregation) !== "" ? blockKeyOf(source.aggregation) : null, current: source.aggregationBlock }))
    .filter((source) => source.block !== source.current);
  for (let start = 0; start < wrong.length; start += BATCH * 5) {
    const rows = wrong.slice(start, start + BATCH * 5).map((source) => ({ id: source.id, block: source.block }));
    await tx.$executeRaw`
      UPDATE person_sources ps SET aggregation_block = r.block
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, block text)
      WHERE ps.tenant_id = ${tenantId}::uuid AND ps.id = r.id`;
  }
}

/**
 * Decides the current persons from the latest mapped data of every source system and the
 * current configuration, and writes the differences with field-level history. Safe to run
 * twice: a second run finds nothing to change.
 *
 * An import's snapshot is incremental when nothing else that decides persons changed since the
 * last snapshot (same date, settings and department tree: the basis): it decides only the persons
 * whose source records changed, which gives the same persons as deciding everyone. Anything else
 * (a configuration change, a merge, a new day) decides every person.
 */
export async function runSnapshot(deps: SnapshotDependencies, input: { tenantId: string; snapshotId: string }): Promise<{ skipped: true } | (SnapshotCounts & { decidedPersonIds: string[] })> {
  const tenantId = asTenantId(input.tenantId);
  const { prisma } = deps;
  const snapshot = await withTenant(prisma, tenantId, async (tx) => {
    const row = await tx.snapshot.findFirst({ where: { id: input.snapshotId, tenantId } });
    if (!row || (row.status !== "queued" && row.status !== "running")) return undefined;
    return tx.snapshot.update({ where: { id: row.id }, data: { status: "running" } });
  });
  if (!snapshot) return { skipped: true };
  const progress = new ProgressReporter<Record<string, number | string>>((counts) =>
    withTenant(prisma, tenantId, (tx) => tx.snapshot.update({ where: { id: snapshot.id }, data: { counts } })).then(() => undefined),
  );
  try {
    const settings = await loadDecisionSettings(prisma, tenantId, deps.today);
    if (snapshot.cause === "configuration" && deps.remapSources) {
      progress.report({ phase: "mapping" });
      await deps.remapSources(tenantId, settings.today);
    }

    // One transaction, serialised per tenant with the writers of source records: two imports
    // finishing together (HR and students) must not both decide the same new person, and a
    // failed snapshot changes nothing.
    const counts = await withTenant(
      prisma,
      tenantId,
      async (tx) => {
        await lockTenantPersons(tx, tenantId);
        progress.report({ phase: "loading" });
        const departments = await tx.department.findMany({ where: { tenantId } });
        const basis = decisionBasis(settings, departments);
        const separations = await tx.mergeSuggestion.findMany({ where: { tenantId, status: "rejected" }, select: { personSourceId: true, candidatePersonId: true } });
        const separated = new Map<string, Set<string>>();
        for (const separation of separations) {
          const set = separated.get(separation.personSourceId) ?? new Set<string>();
          set.add(separation.candidatePersonId);
          separated.set(separation.personSourceId, set);
        }
        const options: DecideOptions = { ...settings, separated, newId: randomUUID };

        const last = snapshot.cause === "import" ? await tx.snapshot.findFirst({ where: { tenantId, status: "completed" }, orderBy: { finishedAt: "desc" }, select: { basis: true } }) : null;
        const changed = last?.basis === basis ? await loadChanged(tx, tenantId, options) : undefined;
        const mode = changed ? ("incremental" as const) : ("full" as const);
        const { sources, stored, lookup } = changed ?? (await loadEveryone(tx, tenantId));

        progress.report({ phase: "deciding", persons: stored.length });
        const storedById = new Map<string, StoredPerson>(stored.map((person) => [person.id, { ...person, data: person.data as unknown as Person }]));
        const decided = decidePersons(
          sources,
          stored.map((person) => ({ id: person.id, externalId: person.externalId, data: person.data as unknown as Person, pendingMerge: person.pendingMerge, formerSince: isoDateOf(person.formerSince) })),
          new Map(departments.map((department) => [department.externalId, { ManagerExternalId: department.managerExternalId, ParentExternalId: department.parentExternalId }])),
          { ...options, ...(lookup ? { lookup } : {}) },
        );
        const managers = changed ? await managersOf(tx, tenantId, decided.map((person) => person.managerExternalId)) : undefined;
        const writes = planPersonWrites(decided, storedById, managers);
        for (let start = 0; start < writes.length; start += BATCH) {
          await writePersonBatch(tx, tenantId, writes.slice(start, start + BATCH), snapshot.cause, { snapshotId: snapshot.id, importId: snapshot.importId });
          progress.report({ phase: "writing", written: Math.min(start + BATCH, writes.length), total: writes.length });
        }
        if (changed) await linkManagersTo(tx, tenantId, writes.filter((write) => write.isNew).map((write) => write.id));
        await tx.personSource.updateMany({ where: { tenantId, pendingSnapshot: true }, data: { pendingSnapshot: false } });

        const result: SnapshotCounts = {
          mode,
          persons: changed ? changed.total! + writes.filter((write) => write.isNew).length : decided.length,
          considered: decided.length,
          added: writes.filter((write) => write.isNew).length,
          changed: writes.filter((write) => !write.isNew).length,
          becameFormer: writes.filter((write) => !write.isNew && write.decided.status === "former" && storedById.get(write.id)?.status !== "former").length,
          unchanged: decided.length - writes.length,
        };
        // Completed in the same transaction: the next snapshot compares its basis with this one.
        await progress.flush();
        await tx.snapshot.update({ where: { id: snapshot.id }, data: { status: "completed", counts: { ...result }, mode, basis, finishedAt: new Date() } });
        return { ...result, decidedPersonIds: writes.map((write) => write.id) };
      },
      { timeoutMs: 30 * 60_000 },
    );
    logger.log(`Snapshot ${snapshot.id} (${counts.mode}): ${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged`);
    return counts;
  } catch (error) {
    await progress.flush();
    await withTenant(prisma, tenantId, (tx) =>
      tx.snapshot.update({ where: { id: snapshot.id }, data: { status: "failed", error: (error as Error).message, finishedAt: new Date() } }),
    );
    throw error;
  }
}

/** Person ids by ExternalId of the given managers. */
async function managersOf(tx: TransactionClient, tenantId: TenantId, externalIds: ReadonlyArray<string | null>) {
  const wanted = [...new Set(externalIds.filter((id): id is string => id !== null))];
  const rows = await inChunks(wanted, (chunk) => tx.person.findMany({ where: { tenantId, externalId: { in: chunk } }, select: { id: true, externalId: true } }));
  return new Map(rows.map((row) => [row.externalId, row.id]));
}

/** Persons (not decided now) whose manager is one of the new persons get the link. */
async function linkManagersTo(tx: TransactionClient, tenantId: TenantId, newPersonIds: readonly string[]) {
  if (newPersonIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE persons p SET manager_person_id = m.id
    FROM persons m
    WHERE p.tenant_id = ${tenantId}::uuid AND m.tenant_id = ${tenantId}::uuid AND m.id = ANY(${[...newPersonIds]}::uuid[])
      AND p.manager_external_id = m.external_id
      AND p.manager_person_id IS DISTINCT FROM m.id`;
}
