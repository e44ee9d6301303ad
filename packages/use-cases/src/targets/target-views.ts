import type { z } from "zod";
import type { entitlementSchema, targetAccountSchema, targetActionSchema } from "@idlife/contracts";

type ActionRow = { id: string; targetSystemId: string; personId: string | null; kind: z.infer<typeof targetActionSchema>["kind"]; state: z.infer<typeof targetActionSchema>["state"]; attempts: number; error: string | null; result: unknown; createdAt: Date; finishedAt: Date | null };

export function toTargetActionView(row: ActionRow, systemName?: string): z.infer<typeof targetActionSchema> {
  return {
    id: row.id,
    targetSystemId: row.targetSystemId,
    ...(systemName === undefined ? {} : { targetSystemName: systemName }),
    personId: row.personId,
    kind: row.kind,
    state: row.state,
    attempts: row.attempts,
    error: row.error,
    result: row.result ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

type AccountRow = { id: string; targetSystemId: string; personId: string; reference: string | null; location: string | null; managedBy: "created" | "correlated"; enabled: boolean; data: unknown; deletedAt: Date | null; updatedAt: Date };

export function toTargetAccountView(row: AccountRow, systemName: string): z.infer<typeof targetAccountSchema> {
  return {
    id: row.id,
    targetSystemId: row.targetSystemId,
    targetSystemName: systemName,
    personId: row.personId,
    reference: row.reference,
    location: row.location,
    managedBy: row.managedBy,
    enabled: row.enabled,
    data: (row.data ?? {}) as Record<string, unknown>,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

type PermissionRow = { id: string; targetSystemId: string; reference: string; displayName: string; kind: string; description: string | null; goneAt: Date | null };
type EntitlementRow = { id: string; targetSystemId: string; grantedBy: unknown; grantedAt: Date };

export function toEntitlementView(row: EntitlementRow, permission: PermissionRow, systemName: string): z.infer<typeof entitlementSchema> {
  return {
    id: row.id,
    targetSystemId: row.targetSystemId,
    targetSystemName: systemName,
    permission: {
      id: permission.id,
      targetSystemId: permission.targetSystemId,
      reference: permission.reference,
      displayName: permission.displayName,
      kind: permission.kind,
      description: permission.description,
      goneAt: permission.goneAt?.toISOString() ?? null,
    },
    grantedBy: (row.grantedBy ?? {}) as Record<string, unknown>,
    grantedAt: row.grantedAt.toISOString(),
  };
}
