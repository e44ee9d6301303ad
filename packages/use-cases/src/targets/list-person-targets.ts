import { z } from "zod";
import type { TransactionClient } from "@idlife/db";
import { parseInput, type TenantScope } from "../tenant-scope.ts";
import { toEntitlementView, toTargetAccountView, toTargetActionView } from "./target-views.ts";

const personInput = z.strictObject({ personId: z.uuid() });
/** The action history shown on a person: the newest first, at most this many. */
const MAX_ACTIONS = 500;

/** Runs a read of one person's rows with the names of the tenant's target systems at hand. */
function readForPerson<T>(deps: { db: TenantScope }, input: { personId: string }, read: (tx: TransactionClient, where: { tenantId: string; personId: string }, names: Map<string, string>) => Promise<T>): Promise<T> {
  const { personId } = parseInput(personInput, input);
  const tenantId = deps.db.tenantId;
  return deps.db.run(async (tx) => {
    const systems = await tx.targetSystem.findMany({ where: { tenantId }, select: { id: true, name: true } });
    return read(tx, { tenantId, personId }, new Map(systems.map((system) => [system.id, system.name])));
  });
}

/** The person's accounts in every target system (deleted ones too, marked by deletedAt). */
export function listPersonAccounts(deps: { db: TenantScope }, input: { personId: string }) {
  return readForPerson(deps, input, async (tx, where, names) => {
    const rows = await tx.targetAccount.findMany({ where, orderBy: { createdAt: "asc" } });
    return rows.map((row) => toTargetAccountView(row, names.get(row.targetSystemId) ?? ""));
  });
}

/** The permissions the platform granted to the person (or took over), with who granted each. */
export function listPersonEntitlements(deps: { db: TenantScope }, input: { personId: string }) {
  return readForPerson(deps, input, async (tx, where, names) => {
    const rows = await tx.entitlement.findMany({ where, orderBy: { grantedAt: "asc" } });
    const permissions = new Map((await tx.targetPermission.findMany({ where: { tenantId: where.tenantId, id: { in: rows.map((row) => row.permissionId) } } })).map((permission) => [permission.id, permission]));
    return rows.flatMap((row) => {
      const permission = permissions.get(row.permissionId);
      return permission ? [toEntitlementView(row, permission, names.get(row.targetSystemId) ?? "")] : [];
    });
  });
}

/** The person's target actions, newest first. */
export function listPersonActions(deps: { db: TenantScope }, input: { personId: string }) {
  return readForPerson(deps, input, async (tx, where, names) => {
    const rows = await tx.targetAction.findMany({ where, orderBy: { createdAt: "desc" }, take: MAX_ACTIONS });
    return rows.map((row) => toTargetActionView(row, names.get(row.targetSystemId)));
  });
}
