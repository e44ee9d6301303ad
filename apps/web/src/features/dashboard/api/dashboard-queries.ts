import { api } from "../../../lib/api/api.ts";
import { useApiQuery } from "../../../lib/api/api-queries.ts";
import { tenantScope } from "../../tenants/api/tenant-keys.ts";

export const dashboardKeys = {
  all: (tenantId: string) => [tenantScope(tenantId), "dashboard"] as const,
};

/** The tenant's facts in one request; refreshed every half minute while the page is open (imports finish meanwhile). */
export function useDashboardQuery(tenantId: string) {
  return useApiQuery(dashboardKeys.all(tenantId), (call) => api.dashboard.get(undefined, call), { refetchInterval: 30_000 });
}
