import { connectorTypeListSchema } from "@idlife/contracts";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api/api-client.ts";
import { tenantScope } from "../../tenants/api/tenant-keys.ts";

export const connectorTypeKeys = {
  list: (tenantId: string) => [tenantScope(tenantId), "connector-types"] as const,
};

/** The connector registry as the API serves it: the type picker's options come from here, not a copy. */
export function useConnectorTypesQuery(tenantId: string) {
  return useQuery({
    queryKey: connectorTypeKeys.list(tenantId),
    queryFn: ({ signal }) => apiRequest("/connector-types", { tenantId, schema: connectorTypeListSchema, signal }),
    // The registry changes only with a new version of the platform.
    staleTime: Infinity,
  });
}
