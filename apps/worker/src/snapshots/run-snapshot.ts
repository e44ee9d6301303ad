import { randomUUID } from "node:crypto";
import { Logger } from "@nestjs/common";
import { asTenantId, withTenant, type Prisma } from "@idlife/db";
import {
  AggregationSettingsSchema,
  DEFAULT_AGGREGATION_SETTINGS,
  DEFAULT_MANAGER_OPTIONS,
  DEFAULT_PRIMARY_CONTRACT_CRITERIA,
  ManagerOptionsSchema,
  PrimaryContractCriteriaSchema,
  decidePersons,
  type Person,
} from "@idlife/core";
import { ProgressReporter } from "../progress.ts";
import { planPersonWrites, writePersonBatch, type StoredPerson } from "./write-persons.ts";

const BATCH = 2_000;
const logger = new Logger("Snapshot");

export interface SnapshotDependencies {
  prisma: Prisma;
  /** Today's date in the tenant's time zone (injectable for tests). */
  today?: () => string;
  /** Re-maps every source from its latest raw data (configuration changes); supplied by the import module. */
  remapSources?: (tenantId: string) => Promise<void>;
}

export interface SnapshotCounts {
  persons: number;
  added: number;
  changed: number;
  becameFormer: number;
  unchanged: number;
}

function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/**
 * Decides the current persons from the latest mapped data of every source system and the
 * current configuration, and writes the differences with field-level history. Safe to run
 * twice: a second run finds nothing to change.
 */
export async function runSnapshot(deps: SnapshotDependencies, input: { tenantId: string; snapshotId: string }): Promise<{ skipped: true } | SnapshotCounts> {
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
    if (snapshot.cause === "configuration" && deps.remapSources) {
      progress.report({ phase: "mapping" });
      await deps.remapSources(tenantId);
    }
    const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    const settings = (tenant.settings ?? {}) as Record<string, unknown>;
    const options = {
      today: deps.today?.() ?? todayIn(typeof settings.timeZone === "string" ? settings.timeZone : "Europe/Amsterdam"),
      primaryContractCriteria: PrimaryContractCriteriaSchema.safeParse(settings.primaryContractCriteria).data ?? DEFAULT_PRIMARY_CONTRACT_CRITERIA,
      managerOptions: ManagerOptionsSchema.safeParse(settings.managerOptions).data ?? DEFAULT_MANAGER_OPTIONS,
      aggregation: AggregationSettingsSchema.safeParse(settings.aggregation).data ?? DEFAULT_AGGREGATION_SETTINGS,
    };

    // One transaction, serialised per tenant: two imports finishing together (HR and students)
    // must not both decide the same new person, and a failed snapshot changes nothing.
    const counts = await withTenant(
      prisma,
      tenantId,
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`snapshot:${tenantId}`}))`;
        const sources = await tx.personSource.findMany({
          where: { tenantId },
          select: { id: true, sourceSystemId: true, externalId: true, mapped: true, delivered: true, personId: true, aggregation: true },
        });
        const separations = await tx.mergeSuggestion.findMany({ where: { tenantId, status: "rejected" }, select: { personSourceId: true, candidatePersonId: true } });
        const stored = await tx.person.findMany({ where: { tenantId } });
        const departments = await tx.department.findMany({ where: { tenantId } });
        const separated = new Map<string, Set<string>>();
        for (const separation of separations) {
          const set = separated.get(separation.personSourceId) ?? new Set<string>();
          set.add(separation.candidatePersonId);
          separated.set(separation.personSourceId, set);
        }
        const storedById = new Map<string, StoredPerson>(stored.map((person) => [person.id, { ...person, data: person.data as unknown as Person }]));
        const decided = decidePersons(
          sources.map((source) => ({
            id: source.id,
            aggregation: source.aggregation,
            sourceSystemId: source.sourceSystemId,
            sourceKey: source.externalId,
            mapped: (source.mapped as Person | null) ?? null,
            delivered: source.delivered,
            personId: source.personId,
          })),
          stored.map((person) => ({ id: person.id, externalId: person.externalId, data: person.data as unknown as Person, pendingMerge: person.pendingMerge })),
          new Map(departments.map((department) => [department.externalId, { ManagerExternalId: department.managerExternalId, ParentExternalId: department.parentExternalId }])),
          { ...options, separated, newId: randomUUID },
        );
        const writes = planPersonWrites(decided, storedById);
        const result: SnapshotCounts = {
          persons: decided.length,
          added: writes.filter((write) => write.isNew).length,
          changed: writes.filter((write) => !write.isNew).length,
          becameFormer: writes.filter((write) => !write.isNew && write.decided.status === "former" && storedById.get(write.id)?.status !== "former").length,
          unchanged: decided.length - writes.length,
        };
        for (let start = 0; start < writes.length; start += BATCH) {
          await writePersonBatch(tx, tenantId, writes.slice(start, start + BATCH), snapshot.cause, { snapshotId: snapshot.id, importId: snapshot.importId });
          progress.report({ phase: "writing", written: Math.min(start + BATCH, writes.length), total: writes.length });
        }
        return result;
      },
      { timeoutMs: 30 * 60_000 },
    );
    await progress.flush();
    await withTenant(prisma, tenantId, (tx) =>
      tx.snapshot.update({ where: { id: snapshot.id }, data: { status: "completed", counts: { ...counts }, finishedAt: new Date() } }),
    );
    logger.log(`Snapshot ${snapshot.id}: ${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged`);
    return counts;
  } catch (error) {
    await progress.flush();
    await withTenant(prisma, tenantId, (tx) =>
      tx.snapshot.update({ where: { id: snapshot.id }, data: { status: "failed", error: (error as Error).message, finishedAt: new Date() } }),
    );
    throw error;
  }
}
