import { z } from "zod";
import { MAX_INVENTORY_ACCOUNTS, runInventoryRequestSchema } from "@idlife/contracts";
import type { AccountData, TargetAccount } from "@idlife/connectors";
import { recordAudit } from "@idlife/db";
import { parseInput } from "../tenant-scope.ts";
import { badRequest } from "../use-case-error.ts";
import { personFieldValues } from "./person-field-values.ts";
import { withPlanSession, type TargetReadDeps } from "./target-plan-session.ts";

export const runInventoryInput = runInventoryRequestSchema.extend({ targetSystemId: z.uuid() });

type Status = "managed" | "correlatable" | "orphaned";

/** Directory attribute names are case-insensitive (employeeID, employeeid): find the value either way. */
function attributeValue(data: AccountData, attribute: string): string | undefined {
  const key = Object.hasOwn(data, attribute) ? attribute : Object.keys(data).find((name) => name.toLowerCase() === attribute.toLowerCase());
  const value = key === undefined ? undefined : data[key];
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return value === null || value === undefined || value === "" ? undefined : String(value);
}

/**
 * Reads every account of a target system and says what each is to the platform: managed (a
 * person's account here has its reference), correlatable (its correlation attribute equals the
 * field of exactly one person) or orphaned (no person). Replaces the previous inventory.
 */
export async function runInventory(deps: TargetReadDeps, input: z.input<typeof runInventoryInput>) {
  const { targetSystemId, pageSize, maxAccounts } = parseInput(runInventoryInput, input);
  const { tenantId } = deps.db;
  const { accounts, correlation } = await withPlanSession(deps, targetSystemId, async (session, system, connector) => {
    if (!connector.capabilities.listAccounts) throw badRequest("no_inventory", `The ${connector.label} connector of '${system.name}' cannot list accounts.`);
    const read: TargetAccount[] = [];
    let cursor: string | undefined;
    do {
      const page = await session.listAccounts({ cursor, limit: pageSize });
      read.push(...page.accounts);
      if (read.length > maxAccounts) {
        throw badRequest("inventory_too_large", `The target has more than ${maxAccounts} accounts; run the inventory with a higher maxAccounts (at most ${MAX_INVENTORY_ACCOUNTS}).`, { maxAccounts });
      }
      cursor = page.cursor;
    } while (cursor);
    return { accounts: read, correlation: system.correlation };
  });
  const readAt = new Date();
  return deps.db.run(async (tx) => {
    const managed = new Map(
      (await tx.targetAccount.findMany({ where: { tenantId, targetSystemId, deletedAt: null, reference: { not: null } }, select: { reference: true, personId: true } })).map((row) => [row.reference!, row.personId]),
    );
    const personsByValue = correlation ? await personFieldValues(tx, tenantId, correlation.personField) : new Map<string, { id: string; name: string }[]>();
    const counts: Record<Status, number> = { managed: 0, correlatable: 0, orphaned: 0 };
    const rows = accounts.map((account) => {
      const managedBy = managed.get(account.reference);
      const value = correlation ? attributeValue(account.data, correlation.attribute) : undefined;
      const matches = value === undefined ? [] : (personsByValue.get(value) ?? []);
      // Two persons with the same value are no match: the platform never guesses.
      const status: Status = managedBy ? "managed" : matches.length === 1 ? "correlatable" : "orphaned";
      counts[status] += 1;
      const personId = managedBy ?? (status === "correlatable" ? matches[0]!.id : null);
      return {
        tenantId,
        targetSystemId,
        reference: account.reference,
        location: account.location ?? null,
        displayName: account.displayName ?? null,
        enabled: account.enabled,
        data: account.data as object,
        status,
        personId,
        readAt,
      };
    });
    await tx.inventoryAccount.deleteMany({ where: { tenantId, targetSystemId } });
    for (let start = 0; start < rows.length; start += 5_000) await tx.inventoryAccount.createMany({ data: rows.slice(start, start + 5_000), skipDuplicates: true });
    const outcome = { total: rows.length, counts, readAt: readAt.toISOString() };
    await recordAudit(tx, { tenantId, action: "target_system.inventory", targetType: "target_system", targetId: targetSystemId, after: { total: outcome.total, counts } });
    return outcome;
  });
}
