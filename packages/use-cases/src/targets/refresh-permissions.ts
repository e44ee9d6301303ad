import { z } from "zod";
import { recordAudit } from "@idlife/db";
import { parseInput } from "../tenant-scope.ts";
import { badRequest } from "../use-case-error.ts";
import { withPlanSession, type TargetReadDeps } from "./target-plan-session.ts";

export const refreshPermissionsInput = z.strictObject({ targetSystemId: z.uuid() });

/** More permissions than any target offers a tenant; beyond it the listing is refused, not stored half. */
export const MAX_PERMISSIONS = 100_000;

/**
 * Lists the permissions the target offers and stores them: new ones added, known ones updated,
 * ones no longer listed marked gone (kept, because entitlements may still name them).
 */
export async function refreshPermissions(deps: TargetReadDeps, input: z.input<typeof refreshPermissionsInput>): Promise<{ total: number; added: number; gone: number }> {
  const { targetSystemId } = parseInput(refreshPermissionsInput, input);
  const { tenantId } = deps.db;
  const listed = await withPlanSession(deps, targetSystemId, async (session, system, connector) => {
    if (!connector.capabilities.permissions) throw badRequest("no_permissions", `The ${connector.label} connector of '${system.name}' has no permissions to list.`);
    return session.listPermissions();
  });
  if (listed.length > MAX_PERMISSIONS) throw badRequest("too_many_permissions", `The target lists ${listed.length} permissions, more than the ${MAX_PERMISSIONS} the platform keeps; narrow the connector's permission settings (for example the groups' OU).`);
  const now = new Date();
  return deps.db.run(async (tx) => {
    const stored = new Map((await tx.targetPermission.findMany({ where: { tenantId, targetSystemId } })).map((row) => [row.reference, row]));
    // One insert for the new ones; updates only for what changed (a listing of thousands of groups stays quick).
    const fresh = listed.filter((permission) => !stored.has(permission.reference));
    await tx.targetPermission.createMany({
      data: fresh.map((permission) => ({ tenantId, targetSystemId, reference: permission.reference, displayName: permission.displayName, kind: permission.kind, description: permission.description ?? null, refreshedAt: now })),
      skipDuplicates: true,
    });
    for (const permission of listed) {
      const row = stored.get(permission.reference);
      if (!row) continue;
      const description = permission.description ?? null;
      if (row.displayName === permission.displayName && row.kind === permission.kind && row.description === description && row.goneAt === null) continue;
      await tx.targetPermission.update({ where: { id: row.id }, data: { displayName: permission.displayName, kind: permission.kind, description, goneAt: null } });
    }
    const references = listed.map((permission) => permission.reference);
    await tx.targetPermission.updateMany({ where: { tenantId, targetSystemId, reference: { in: references } }, data: { refreshedAt: now } });
    const gone = await tx.targetPermission.updateMany({ where: { tenantId, targetSystemId, goneAt: null, reference: { notIn: references } }, data: { goneAt: now } });
    const added = fresh.length;
    const outcome = { total: listed.length, added, gone: gone.count };
    await recordAudit(tx, { tenantId, action: "target_system.permissions_refresh", targetType: "target_system", targetId: targetSystemId, after: outcome });
    return outcome;
  });
}
