import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api/api.ts";
import { tenantScope } from "../../tenants/api/tenant-keys.ts";

export const dashboardKeys = {
  all: (tenantId: string) => [tenantScope(tenantId), "dashboard"] as const,
};

/** The tenant's facts in one request; refreshed every half minute while the page is open (imports finish meanwhile). */
export function useDashboardQuery(tenantId: string) {
  return useQuery({
    queryKey: dashboardKeys.all(tenantId),
    queryFn: ({ signal }) => api.dashboard.get(undefined, { tenantId, signal }),
    refetchInterval: 30_000,
  });
}
