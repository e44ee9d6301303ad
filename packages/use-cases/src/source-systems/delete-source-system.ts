import { z } from "zod";
import { recordAudit } from "@idlife/db";
import { requestSnapshot } from "../snapshots/request-snapshot.ts";
import { parseInput } from "../tenant-scope.ts";
import { findSourceSystem, type SourceSystemDeps } from "./source-system-deps.ts";

export const deleteSourceSystemInput = z.strictObject({ sourceSystemId: z.uuid() });

/** Removes a source system; its persons become former persons at the snapshot this requests. */
export async function deleteSourceSystem(deps: Omit<SourceSystemDeps, "secretsKey">, input: z.input<typeof deleteSourceSystemInput>) {
  const { sourceSystemId } = parseInput(deleteSourceSystemInput, input);
  const { tenantId } = deps.db;
  await deps.db.run(async (tx) => {
    const row = await findSourceSystem(tx, tenantId, sourceSystemId);
    await tx.personSource.updateMany({ where: { tenantId, sourceSystemId: row.id }, data: { delivered: false, pendingSnapshot: true } });
    await tx.sourceSystem.delete({ where: { id: row.id } });
    await recordAudit(tx, { tenantId, action: "source_system.delete", targetType: "source_system", targetId: row.id, before: { name: row.name, connectorType: row.connectorType } });
  });
  await requestSnapshot(deps, { cause: "configuration" });
}
