import type { z } from "zod";
import type { TransactionClient } from "@idlife/db";
import type { inventoryAccountSchema, inventoryQuerySchema, targetActionsQuerySchema, targetPermissionSchema } from "@idlife/contracts";
import type { TenantScope } from "../tenant-scope.ts";
import { findTargetSystem } from "./target-system-view.ts";
import { toTargetActionView } from "./target-views.ts";

/** At most this many permissions are listed: the current ones first, then by name. */
const MAX_PERMISSIONS = 5_000;

type SystemRows = { tenantId: string; targetSystemId: string };

/** Runs a read of one target system's rows; another tenant's system (or none) is not found. */
function readSystemRows<T>(deps: { db: TenantScope }, targetSystemId: string, read: (tx: TransactionClient, where: SystemRows, systemName: string) => Promise<T>): Promise<T> {
  const { tenantId } = deps.db;
  return deps.db.run(async (tx) => read(tx, { tenantId, targetSystemId }, (await findTargetSystem(tx, tenantId, targetSystemId)).name));
}

type PermissionRow = { id: string; targetSystemId: string; reference: string; displayName: string; kind: string; description: string | null; goneAt: Date | null };

function toPermissionView(row: PermissionRow): z.infer<typeof targetPermissionSchema> {
  return { id: row.id, targetSystemId: row.targetSystemId, reference: row.reference, displayName: row.displayName, kind: row.kind, description: row.description, goneAt: row.goneAt?.toISOString() ?? null };
}

type InventoryRow = { id: string; reference: string; location: string | null; displayName: string | null; enabled: boolean; status: string; personId: string | null; readAt: Date };

function toInventoryAccountView(row: InventoryRow, names: ReadonlyMap<string, string>): z.infer<typeof inventoryAccountSchema> {
  return {
    id: row.id,
    reference: row.reference,
    location: row.location,
    displayName: row.displayName,
    enabled: row.enabled,
    status: row.status as z.infer<typeof inventoryAccountSchema>["status"],
    personId: row.personId,
    personName: row.personId ? (names.get(row.personId) ?? null) : null,
    readAt: row.readAt.toISOString(),
  };
}

/** The permissions read from the target system, those gone from it last. */
export function listTargetPermissions(deps: { db: TenantScope }, input: { targetSystemId: string }) {
  return readSystemRows(deps, input.targetSystemId, async (tx, where) => {
    const rows = await tx.targetPermission.findMany({ where, orderBy: [{ goneAt: { sort: "desc", nulls: "first" } }, { displayName: "asc" }], take: MAX_PERMISSIONS });
    return rows.map(toPermissionView);
  });
}

/** The accounts the last inventory found, a page at a time, with the count of each status. */
export function readTargetInventory(deps: { db: TenantScope }, input: { targetSystemId: string; query: z.output<typeof inventoryQuerySchema> }) {
  const { query } = input;
  return readSystemRows(deps, input.targetSystemId, async (tx, where) => {
    const grouped = await tx.inventoryAccount.groupBy({ by: ["status"], where, _count: { _all: true } });
    const counts = { managed: 0, correlatable: 0, orphaned: 0 };
    for (const group of grouped) if (group.status in counts) counts[group.status as keyof typeof counts] = group._count._all;
    const rows = await tx.inventoryAccount.findMany({
      where: { ...where, ...(query.status ? { status: query.status } : {}) },
      orderBy: [{ displayName: "asc" }, { reference: "asc" }],
      skip: query.offset,
      take: query.limit,
    });
    const personIds = [...new Set(rows.flatMap((row) => (row.personId ? [row.personId] : [])))];
    const names = new Map((await tx.person.findMany({ where: { tenantId: where.tenantId, id: { in: personIds } }, select: { id: true, displayName: true } })).map((person) => [person.id, person.displayName]));
    return { counts, items: rows.map((row) => toInventoryAccountView(row, names)) };
  });
}

/** The system's work table, the newest first, filtered by state, kind or person. */
export function listTargetActions(deps: { db: TenantScope }, input: { targetSystemId: string; query: z.output<typeof targetActionsQuerySchema> }) {
  const { state, kind, personId, limit } = input.query;
  return readSystemRows(deps, input.targetSystemId, async (tx, where, systemName) => {
    const rows = await tx.targetAction.findMany({
      where: { ...where, ...(state ? { state } : {}), ...(kind ? { kind } : {}), ...(personId ? { personId } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
    });
    return rows.map((row) => toTargetActionView(row, systemName));
  });
}
