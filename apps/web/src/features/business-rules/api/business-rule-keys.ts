import { tenantScope } from "../../tenants/api/tenant-keys.ts";

export interface ChangesFilter {
  action: "grant" | "revoke" | undefined;
  type: "account" | "access" | "permission" | undefined;
  offset: number;
}

export const businessRuleKeys = {
  all: (tenantId: string) => [tenantScope(tenantId), "business-rules"] as const,
  list: (tenantId: string) => [...businessRuleKeys.all(tenantId), "list"] as const,
  detail: (tenantId: string, ruleId: string) => [...businessRuleKeys.all(tenantId), "one", ruleId] as const,
};

export const evaluationKeys = {
  one: (tenantId: string, evaluationId: string) => [tenantScope(tenantId), "evaluations", evaluationId] as const,
  detail: (tenantId: string, evaluationId: string) => [...evaluationKeys.one(tenantId, evaluationId), "detail"] as const,
  changes: (tenantId: string, evaluationId: string, filter: ChangesFilter) => [...evaluationKeys.one(tenantId, evaluationId), "changes", filter] as const,
  /** Under the person's keys, so anything that refreshes a person refreshes their rules too. */
  personRules: (tenantId: string, personId: string) => [tenantScope(tenantId), "persons", "one", personId, "rules"] as const,
};
