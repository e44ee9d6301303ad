import { tenantScope } from "../../tenants/api/tenant-keys.ts";

export interface AuditLogFilter {
  limit: number;
}

export const auditLogKeys = {
  all: (tenantId: string) => [tenantScope(tenantId), "audit-log"] as const,
  list: (tenantId: string, filter: AuditLogFilter) => [...auditLogKeys.all(tenantId), "list", filter] as const,
};
