import type { z } from "zod";
import type { inventoryAccountSchema, targetPermissionSchema } from "@idlife/contracts";

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
