import type { TransactionClient } from "@idlife/db";
import type { TenantScope } from "../tenant-scope.ts";
import { notFound } from "../use-case-error.ts";
import { currentVersions } from "./rule-view.ts";

export interface RuleDeps {
  db: TenantScope;
  /** Who changes the rule (a user id, or the API key's), for the version history. */
  actorId?: string | null;
}

export async function findRule(tx: TransactionClient, tenantId: string, id: string) {
  const rule = await tx.businessRule.findFirst({ where: { id, tenantId }, include: currentVersions });
  if (!rule) throw notFound("Business rule");
  return rule;
}

export const ruleNameTaken = (name: string) => `A business rule named '${name}' exists; choose another name.`;
