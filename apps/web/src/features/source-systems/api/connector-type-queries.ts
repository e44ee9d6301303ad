import { api } from "../../../lib/api/api.ts";
import { useApiQuery } from "../../../lib/api/api-queries.ts";
import { tenantScope } from "../../tenants/api/tenant-keys.ts";

export const connectorTypeKeys = {
  list: (tenantId: string) => [tenantScope(tenantId), "connector-types"] as const,
};

/** The connector registry as the API serves it: the type picker's options come from here, not a copy. */
export function useConnectorTypesQuery(tenantId: string) {
  // The registry changes only with a new version of the platform.
  return useApiQuery(connectorTypeKeys.list(tenantId), (call) => api.connectorTypes.list(undefined, call), { staleTime: Infinity });
}
