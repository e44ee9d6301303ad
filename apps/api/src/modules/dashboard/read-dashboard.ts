import type { Dashboard, Import } from "@idlife/contracts";
import type { TransactionClient } from "@idlife/db";
import type { TenantScope } from "@idlife/use-cases";
import { importPersonCounts, importState } from "../source-systems/source-system-response.ts";

type LastImportRow = {
  source_system_id: string;
  id: string;
  status: string;
  counts: unknown;
  error: string | null;
  threshold_report: unknown;
  created_at: Date;
  finished_at: Date | null;
};

/**
 * The facts of a tenant's dashboard. Every figure is a grouped count or one row per source
 * system, so a tenant with 100,000 persons costs one pass over its persons (an index on tenant
 * and status), one over its delivered source records, and one index lookup per source system.
 */
export function readDashboard(deps: { db: TenantScope }): Promise<Dashboard> {
  return deps.db.run((tx) => dashboardFacts(tx, deps.db.tenantId));
}

async function dashboardFacts(tx: TransactionClient, tenantId: string): Promise<Dashboard> {
  // One after the other: the queries share the request's transaction (one connection).
  const byStatus = await tx.person.groupBy({ by: ["status"], where: { tenantId }, _count: { _all: true } });
  const blockedBySource = await tx.personSource.groupBy({
    by: ["sourceSystemId"],
    where: { tenantId, delivered: true, NOT: { blockedReasons: { isEmpty: true } } },
    _count: { _all: true },
  });
  const openMergeSuggestions = await tx.mergeSuggestion.count({ where: { tenantId, status: "open" } });
  const sources = await tx.sourceSystem.findMany({ where: { tenantId }, select: { id: true, name: true, enabled: true }, orderBy: { name: "asc" } });
  // The newest import of each source: one step back along (tenant, source, created_at) per source.
  // Pushes (a few persons each, often many a day) are left out: they would hide a failed import.
  const lastImports = await tx.$queryRaw<LastImportRow[]>`
    SELECT last.* FROM source_systems source
    CROSS JOIN LATERAL (
      SELECT i.source_system_id, i.id, i.status::text AS status, i.counts, i.error, i.threshold_report, i.created_at, i.finished_at
      FROM imports i
      WHERE i.tenant_id = source.tenant_id AND i.source_system_id = source.id AND i.trigger <> 'push'
      ORDER BY i.created_at DESC
      LIMIT 1
    ) last
    WHERE source.tenant_id = ${tenantId}::uuid`;

  const persons = { active: 0, future: 0, former: 0, total: 0 };
  for (const group of byStatus) {
    persons[group.status] = group._count._all;
    persons.total += group._count._all;
  }
  const blockedOf = new Map(blockedBySource.map((group) => [group.sourceSystemId, group._count._all]));
  const lastOf = new Map(lastImports.map((row) => [row.source_system_id, row]));

  const sourceSystems = sources.map((source) => {
    const row = lastOf.get(source.id);
    const importPersons = row ? importPersonCounts(row.counts) : null;
    return {
      ...source,
      blockedPersons: blockedOf.get(source.id) ?? 0,
      lastImport: row
        ? {
            id: row.id,
            status: row.status as Import["status"],
            state: importState(row.status, importPersons),
            persons: importPersons,
            error: row.error,
            createdAt: row.created_at.toISOString(),
            finishedAt: row.finished_at?.toISOString() ?? null,
          }
        : null,
    };
  });

  const attention: Dashboard["attention"] = [];
  for (const source of sourceSystems) {
    const last = source.lastImport;
    if (!last || (last.state !== "failed" && last.state !== "blocked" && last.state !== "completed_with_blocked")) continue;
    // The first reason says enough to act on; the import shows all of them.
    const report = lastOf.get(source.id)?.threshold_report as { reasons?: Array<{ message?: string }> } | null;
    const message =
      last.state === "failed"
        ? (last.error ?? "The import failed.")
        : last.state === "blocked"
          ? `Waiting for approval: ${report?.reasons?.[0]?.message ?? "a safety threshold was reached"}.`
          : `${last.persons?.blocked ?? 0} blocked by the mapping; they keep their last known data until the mapping maps them.`;
    attention.push({ sourceSystemId: source.id, sourceSystemName: source.name, importId: last.id, state: last.state, message, at: last.finishedAt ?? last.createdAt });
  }

  return { persons, blockedPersons: blockedBySource.reduce((total, group) => total + group._count._all, 0), openMergeSuggestions, sourceSystems, attention };
}
