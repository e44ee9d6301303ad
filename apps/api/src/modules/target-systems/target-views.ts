import type { z } from "zod";
import type { inventoryAccountSchema, targetActionSchema, targetPermissionSchema } from "@idlife/contracts";

type PermissionRow = { id: string; targetSystemId: string; reference: string; displayName: string; kind: string; description: string | null; goneAt: Date | null };

export function toPermissionView(row: PermissionRow): z.infer<typeof targetPermissionSchema> {
  return { id: row.id, targetSystemId: row.targetSystemId, reference: row.reference, displayName: row.displayName, kind: row.kind, description: row.description, goneAt: row.goneAt?.toISOString() ?? null };
}

type InventoryRow = { id: string; reference: string; location: string | null; displayName: string | null; enabled: boolean; status: string; personId: string | null; readAt: Date };

export function toInventoryAccountView(row: InventoryRow, names: ReadonlyMap<string, string>): z.infer<typeof inventoryAccountSchema> {
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

type ActionRow = { id: string; targetSystemId: string; personId: string | null; kind: string; state: string; attempts: number; error: string | null; result: unknown; createdAt: Date; finishedAt: Date | null };

/** A work-table row as the API shows it (the payload stays inside: it may carry mapped personal data the list does not need). */
export function toTargetActionView(row: ActionRow, targetSystemName?: string): z.infer<typeof targetActionSchema> {
  return {
    id: row.id,
    targetSystemId: row.targetSystemId,
    ...(targetSystemName ? { targetSystemName } : {}),
    personId: row.personId,
    kind: row.kind as z.infer<typeof targetActionSchema>["kind"],
    state: row.state as z.infer<typeof targetActionSchema>["state"],
    attempts: row.attempts,
    error: row.error,
    result: row.result ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
