import type { TransactionClient } from "./tenant-scope.ts";

export interface AuditTarget {
  type: string;
  id: string;
}

type Lookup = (tx: TransactionClient, tenantId: string, ids: string[]) => Promise<Array<readonly [string, string]>>;

// Every target kind that has a name is keyed by a uuid; anything else would make PostgreSQL refuse
// the whole query (and abort the caller's transaction), so it is never looked up.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_LABEL = 200;

const memberLabel = (user: { displayName: string; email: string }) => user.displayName || user.email;

/** How each kind of target is named now; a Map, since target types are data. Every query stays inside the tenant. */
const lookups = new Map<string, Lookup>([
  ["source_system", async (tx, tenantId, ids) => (await tx.sourceSystem.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true, name: true } })).map((row) => [row.id, row.name] as const)],
  // An import is known by its source system ("Import of HR export" reads as the object's type and this name).
  [
    "import",
    async (tx, tenantId, ids) =>
      (await tx.import.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true, sourceSystem: { select: { name: true } } } })).map((row) => [row.id, row.sourceSystem.name] as const),
  ],
  [
    "person",
    async (tx, tenantId, ids) =>
      (await tx.person.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true, displayName: true, externalId: true } })).map((row) => [row.id, row.displayName || row.externalId] as const),
  ],
  ["api_key", async (tx, tenantId, ids) => (await tx.apiKey.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true, name: true } })).map((row) => [row.id, row.name] as const)],
  [
    "membership",
    async (tx, tenantId, ids) =>
      (await tx.membership.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true, user: { select: { displayName: true, email: true } } } })).map((row) => [row.id, memberLabel(row.user)] as const),
  ],
  // A user is named only while they are a member of this tenant: other tenants' people stay unnamed.
  [
    "user",
    async (tx, tenantId, ids) =>
      (await tx.membership.findMany({ where: { tenantId, userId: { in: ids } }, select: { userId: true, user: { select: { displayName: true, email: true } } } })).map((row) => [row.userId, memberLabel(row.user)] as const),
  ],
  ["tenant", async (tx, tenantId, ids) => (ids.includes(tenantId) ? (await tx.tenant.findMany({ where: { id: tenantId }, select: { id: true, name: true } })).map((row) => [row.id, row.name] as const) : [])],
]);

export const auditTargetKey = (target: AuditTarget) => `${target.type}:${target.id}`;

/**
 * The current names of audit targets of one tenant: one query per kind of target, however many
 * entries. Targets that are gone (or have no name) are missing from the answer.
 */
export async function resolveAuditTargetLabels(tx: TransactionClient, tenantId: string, targets: readonly AuditTarget[]): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const target of targets) {
    if (!lookups.has(target.type) || !UUID.test(target.id)) continue;
    if (!idsByType.has(target.type)) idsByType.set(target.type, new Set());
    idsByType.get(target.type)!.add(target.id.toLowerCase());
  }
  const labels = new Map<string, string>();
  for (const [type, ids] of idsByType) {
    for (const [id, label] of await lookups.get(type)!(tx, tenantId, [...ids])) {
      if (label) labels.set(auditTargetKey({ type, id }), label.slice(0, MAX_LABEL));
    }
  }
  return labels;
}

/** A name carried in the entry's own values (a deleted source system's `before.name`). */
export function labelFromValues(...values: unknown[]): string | undefined {
  for (const value of values) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) continue;
    for (const key of ["name", "displayName"]) {
      const candidate = (value as Record<string, unknown>)[key];
      if (typeof candidate === "string" && candidate.trim()) return candidate.slice(0, MAX_LABEL);
    }
  }
  return undefined;
}
