import type { z } from "zod";
import { tenantSettingsSchema, updateTenantRequestSchema } from "@idlife/contracts";
import { recordAudit } from "@idlife/db";
import { requestSnapshot, type RequestSnapshotDeps } from "../snapshots/request-snapshot.ts";
import { parseInput } from "../tenant-scope.ts";
import { toTenantResponse } from "./tenant-view.ts";

/** Settings that decide persons: changing one re-decides them (snapshot, no fetch). */
const decisiveSettings = ["primaryContractCriteria", "managerOptions", "nameConvention", "aggregation"] as const;

/** Renames the tenant or changes its settings; settings left out keep their value. */
export async function updateTenant(deps: RequestSnapshotDeps, input: z.input<typeof updateTenantRequestSchema>) {
  const body = parseInput(updateTenantRequestSchema, input);
  const { tenantId } = deps.db;
  const after = await deps.db.run(async (tx) => {
    const before = toTenantResponse(await tx.tenant.findUniqueOrThrow({ where: { id: tenantId } }));
    const settings = tenantSettingsSchema.parse({ ...before.settings, ...body.settings });
    const after = toTenantResponse(await tx.tenant.update({ where: { id: tenantId }, data: { name: body.name ?? before.name, settings } }));
    await recordAudit(tx, {
      tenantId,
      action: "tenant.update",
      targetType: "tenant",
      targetId: tenantId,
      before: { name: before.name, settings: before.settings },
      after: { name: after.name, settings: after.settings },
    });
    return after;
  });
  if (body.settings && decisiveSettings.some((key) => body.settings![key] !== undefined)) await requestSnapshot(deps, { cause: "configuration" });
  return after;
}
