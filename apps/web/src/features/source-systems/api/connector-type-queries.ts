import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api/api.ts";
import { tenantScope } from "../../tenants/api/tenant-keys.ts";

export const connectorTypeKeys = {
  list: (tenantId: string) => [tenantScope(tenantId), "connector-types"] as const,
};

/** The connector registry as the API serves it: the type picker's options come from here, not a copy. */
export function useConnectorTypesQuery(tenantId: string) {
  return useQuery({
    queryKey: connectorTypeKeys.list(tenantId),
    queryFn: ({ signal }) => api.connectorTypes.list(undefined, { tenantId, signal }),
    // The registry changes only with a new version of the platform.
    staleTime: Infinity,
  });
}
