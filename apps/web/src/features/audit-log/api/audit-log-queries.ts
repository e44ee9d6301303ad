import { auditPageSchema } from "@idlife/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api/api-client.ts";
import { auditLogKeys, type AuditLogFilter } from "./audit-log-keys.ts";

/** Newest first; each further page asks for the entries before the last one seen. */
export function useAuditLogQuery(tenantId: string, filter: AuditLogFilter) {
  return useInfiniteQuery({
    queryKey: auditLogKeys.list(tenantId, filter),
    queryFn: ({ pageParam, signal }) => {
      const search = new URLSearchParams({ limit: String(filter.limit) });
      if (pageParam) search.set("before", pageParam);
      return apiRequest(`/audit-log?${search}`, { tenantId, schema: auditPageSchema, signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextBefore,
  });
}
