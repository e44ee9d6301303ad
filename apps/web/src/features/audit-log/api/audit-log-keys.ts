import type { AuditFilter } from "@idlife/contracts";
import { tenantScope } from "../../tenants/api/tenant-keys.ts";

export interface AuditLogFilter extends AuditFilter {
  limit: number;
}

export const auditLogKeys = {
  all: (tenantId: string) => [tenantScope(tenantId), "audit-log"] as const,
  list: (tenantId: string, filter: AuditLogFilter) => [...auditLogKeys.all(tenantId), "list", filter] as const,
};
