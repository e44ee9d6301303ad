import { PersonSchema, type CurrentEntitlements, type Person } from "@idlife/core";
import type { TransactionClient } from "@idlife/db";

export interface EvaluatedPerson {
  id: string;
  externalId: string;
  displayName: string;
  person: Person;
  primaryContractId: string | null;
  excluded: boolean;
  held: boolean;
  current: CurrentEntitlements;
}

/**
 * Persons with what they hold now (managed accounts and permission grants only), their exclusion
 * (mapping's Excluded, by hand, or waiting for a merge decision) and a standing "revoke now" hold.
 */
export async function loadEvaluatedPersons(tx: TransactionClient, tenantId: string, where: { ids?: readonly string[]; afterId?: string; take?: number }): Promise<EvaluatedPerson[]> {
  const rows = await tx.person.findMany({
    where: { tenantId, ...(where.ids ? { id: { in: [...where.ids] } } : {}), ...(where.afterId ? { id: { gt: where.afterId } } : {}) },
    orderBy: { id: "asc" },
    ...(where.take ? { take: where.take } : {}),
    select: { id: true, externalId: true, displayName: true, data: true, primaryContractId: true, excluded: true, pendingMerge: true },
  });
  const ids = rows.map((row) => row.id);
  const [accounts, grants, exclusions, holds] = await Promise.all([
    tx.targetAccount.findMany({ where: { tenantId, personId: { in: ids }, deletedAt: null }, select: { personId: true, targetSystemId: true, enabled: true } }),
    tx.entitlement.findMany({ where: { tenantId, personId: { in: ids } }, select: { personId: true, targetSystemId: true, permissionId: true } }),
    tx.personExclusion.findMany({ where: { tenantId, personId: { in: ids } }, select: { personId: true } }),
    tx.personHold.findMany({ where: { tenantId, personId: { in: ids }, liftedAt: null }, select: { personId: true } }),
  ]);
  const permissionNames = new Map(
    (await tx.targetPermission.findMany({ where: { tenantId, id: { in: [...new Set(grants.map((grant) => grant.permissionId))] } }, select: { id: true, displayName: true } })).map((permission) => [permission.id, permission.displayName]),
  );
  const accountsOf = groupBy(accounts, (account) => account.personId);
  const grantsOf = groupBy(grants, (grant) => grant.personId);
  const excluded = new Set(exclusions.map((row) => row.personId));
  const held = new Set(holds.map((row) => row.personId));
  return rows.map((row) => {
    const parsed = PersonSchema.safeParse(row.data);
    return {
      id: row.id,
      externalId: row.externalId,
      displayName: row.displayName,
      person: parsed.success ? parsed.data : PersonSchema.parse({ ExternalId: row.externalId }),
      primaryContractId: row.primaryContractId,
      excluded: row.excluded || row.pendingMerge || excluded.has(row.id) || !parsed.success,
      held: held.has(row.id),
      current: {
        accounts: new Map((accountsOf.get(row.id) ?? []).map((account) => [account.targetSystemId, { enabled: account.enabled }])),
        permissions: (grantsOf.get(row.id) ?? []).map((grant) => ({ targetSystemId: grant.targetSystemId, permissionId: grant.permissionId, name: permissionNames.get(grant.permissionId) ?? grant.permissionId })),
      },
    };
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
