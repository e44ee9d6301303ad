import type { TargetSystemView } from "@idlife/contracts";
import { findTargetSystem, toTargetSystemResponse, type TargetSystemDeps } from "./target-system-view.ts";

type ReadDeps = Pick<TargetSystemDeps, "db" | "secretsKey">;

/** The tenant's target systems by name, each showing which secrets are set (never their values). */
export function listTargetSystems(deps: ReadDeps): Promise<TargetSystemView[]> {
  const { tenantId } = deps.db;
  return deps.db.run(async (tx) => (await tx.targetSystem.findMany({ where: { tenantId }, orderBy: { name: "asc" } })).map((row) => toTargetSystemResponse(row, deps.secretsKey)));
}

/** One target system of the tenant; another tenant's id is not found. */
export function getTargetSystem(deps: ReadDeps, input: { targetSystemId: string }): Promise<TargetSystemView> {
  return deps.db.run(async (tx) => toTargetSystemResponse(await findTargetSystem(tx, deps.db.tenantId, input.targetSystemId), deps.secretsKey));
}
