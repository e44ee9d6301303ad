import { auditRoutes, type AuditFilter } from "@idlife/contracts";
import { keepPreviousData, useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api/api.ts";
import { downloadFile, saveBlob } from "../../../lib/api/api-files.ts";
import { auditFilterQuery } from "../audit-log-filter.ts";
import { auditLogKeys, type AuditLogFilter } from "./audit-log-keys.ts";

/** Newest first; each further page asks for the entries before the last one seen, with the same filter. */
export function useAuditLogQuery(tenantId: string, filter: AuditLogFilter) {
  return useInfiniteQuery({
    queryKey: auditLogKeys.list(tenantId, filter),
    queryFn: ({ pageParam, signal }) =>
      api.audit.list({ query: { ...auditFilterQuery(filter), limit: filter.limit, ...(pageParam ? { before: pageParam } : {}) } }, { tenantId, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextBefore,
    placeholderData: keepPreviousData,
  });
}

/** The CSV export needs the tenant header, so it is fetched and handed to the browser as a file. */
export function useExportAuditLogMutation(tenantId: string) {
  return useMutation({
    mutationFn: async ({ filter, separator }: { filter: AuditFilter; separator: "," | ";" }) => {
      const blob = await downloadFile(auditRoutes.export, { ...auditFilterQuery(filter), separator }, { tenantId });
      saveBlob(blob, `audit-log-${new Date().toISOString().slice(0, 10)}.csv`);
    },
  });
}
