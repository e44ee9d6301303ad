import type { TransactionClient } from "@idlife/db";
import type { TenantScope } from "../tenant-scope.ts";
import { orNotFound } from "../use-case-error.ts";
import { currentVersions } from "./rule-view.ts";

export interface RuleDeps {
  db: TenantScope;
  /** Who changes the rule (a user id, or the API key's), for the version history. */
  actorId?: string | null;
}

/**
 * The rule, locked for the rest of the transaction: changes to one rule's versions (a new draft,
 * a publish) happen one at a time, so a rule never has two drafts or two published versions.
 */
export async function lockRule(tx: TransactionClient, tenantId: string, id: string) {
  await tx.$executeRaw`SELECT 1 FROM business_rules WHERE id = ${id}::uuid AND tenant_id = ${tenantId}::uuid FOR UPDATE`;
  return findRule(tx, tenantId, id);
}

export async function findRule(tx: TransactionClient, tenantId: string, id: string) {
  return orNotFound(await tx.businessRule.findFirst({ where: { id, tenantId }, include: currentVersions }), "Business rule");
}
