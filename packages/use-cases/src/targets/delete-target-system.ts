import { z } from "zod";
import { recordAudit } from "@idlife/db";
import { parseInput } from "../tenant-scope.ts";
import { conflict } from "../use-case-error.ts";
import { findTargetSystem, type TargetSystemDeps } from "./target-system-view.ts";

export const deleteTargetSystemInput = z.strictObject({ targetSystemId: z.uuid(), force: z.boolean().default(false) });

/**
 * Removes a target system. While it manages accounts that is refused unless forced: the accounts
 * stay in the target, but the platform forgets them and will never disable or delete them.
 * Another system whose mapping uses this one's account data must be changed first.
 */
export async function deleteTargetSystem(deps: Pick<TargetSystemDeps, "db">, input: z.input<typeof deleteTargetSystemInput>): Promise<void> {
  const { targetSystemId, force } = parseInput(deleteTargetSystemInput, input);
  const { tenantId } = deps.db;
  await deps.db.run(async (tx) => {
    const row = await findTargetSystem(tx, tenantId, targetSystemId);
    const users = await tx.targetSystem.findMany({ where: { tenantId, usesAccountDataFrom: { has: row.id } }, select: { name: true } });
    if (users.length > 0) {
      throw conflict("target_system_in_use", `${users.map((user) => user.name).join(", ")} use${users.length === 1 ? "s" : ""} the account data of ${row.name}; change ${users.length === 1 ? "that mapping" : "those mappings"} first.`);
    }
    const managed = await tx.targetAccount.count({ where: { tenantId, targetSystemId: row.id, deletedAt: null, reference: { not: null } } });
    if (managed > 0 && !force) {
      throw conflict(
        "target_system_manages_accounts",
        `${row.name} still manages ${managed} account${managed === 1 ? "" : "s"}. Delete with force=true to forget ${managed === 1 ? "it" : "them"} (the accounts stay in the target, unmanaged).`,
      );
    }
    // Rows without a foreign key to the system go by hand; the rest cascade.
    await tx.entitlement.deleteMany({ where: { tenantId, targetSystemId: row.id } });
    await tx.inventoryAccount.deleteMany({ where: { tenantId, targetSystemId: row.id } });
    await tx.targetReservedValue.deleteMany({ where: { tenantId, targetSystemId: row.id } });
    await tx.targetSystem.delete({ where: { id: row.id } });
    await recordAudit(tx, { tenantId, action: "target_system.delete", targetType: "target_system", targetId: row.id, before: { name: row.name, connectorType: row.connectorType, forgottenAccounts: managed } });
  });
}
