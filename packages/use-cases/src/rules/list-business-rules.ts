import type { BusinessRuleView } from "@idlife/contracts";
import type { TenantScope } from "../tenant-scope.ts";
import { findRule } from "./rule-deps.ts";
import { currentVersions, toRuleView } from "./rule-view.ts";

/** The tenant's business rules by name, each with its draft and published version. */
export function listBusinessRules(deps: { db: TenantScope }): Promise<BusinessRuleView[]> {
  const { tenantId } = deps.db;
  return deps.db.run(async (tx) => (await tx.businessRule.findMany({ where: { tenantId }, include: currentVersions, orderBy: { name: "asc" } })).map(toRuleView));
}

/** One business rule of the tenant; another tenant's id is not found. */
export function getBusinessRule(deps: { db: TenantScope }, input: { ruleId: string }): Promise<BusinessRuleView> {
  return deps.db.run(async (tx) => toRuleView(await findRule(tx, deps.db.tenantId, input.ruleId)));
}
