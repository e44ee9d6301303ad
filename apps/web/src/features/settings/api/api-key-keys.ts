import { tenantScope } from "../../tenants/api/tenant-keys.ts";

export const apiKeyKeys = {
  list: (tenantId: string) => [tenantScope(tenantId), "api-keys"] as const,
};
