import { dashboardSchema } from "@idlife/contracts";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api/api-client.ts";
import { tenantScope } from "../../tenants/api/tenant-keys.ts";

export const dashboardKeys = {
  all: (tenantId: string) => [tenantScope(tenantId), "dashboard"] as const,
};

/** The tenant's facts in one request; refreshed every half minute while the page is open (imports finish meanwhile). */
export function useDashboardQuery(tenantId: string) {
  return useQuery({
    queryKey: dashboardKeys.all(tenantId),
    queryFn: ({ signal }) => apiRequest("/dashboard", { tenantId, schema: dashboardSchema, signal }),
    refetchInterval: 30_000,
  });
}
