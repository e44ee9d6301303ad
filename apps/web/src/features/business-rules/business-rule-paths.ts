import { tenantAreaPath } from "../tenants/tenant-paths.ts";

export function businessRulePath(tenantSlug: string, ruleId: string): string {
  return `${tenantAreaPath(tenantSlug, "business-rules")}/${encodeURIComponent(ruleId)}`;
}

export function newBusinessRulePath(tenantSlug: string): string {
  return `${tenantAreaPath(tenantSlug, "business-rules")}/new`;
}
