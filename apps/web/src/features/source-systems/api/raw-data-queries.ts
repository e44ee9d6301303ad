import { keepPreviousData } from "@tanstack/react-query";
import { importRoutes, type RouteQuery } from "@idlife/contracts";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { useApiQuery } from "../../../lib/api/api-queries.ts";
import { sourceSystemKeys, type RawRecordsFilter } from "./source-system-keys.ts";

export type RawPage = z.output<typeof importRoutes.raw.response>;
export type BlockedPerson = z.output<typeof importRoutes.blocked.response>[number];

export function rawRecordsQuery(filter: RawRecordsFilter): RouteQuery<typeof importRoutes.raw> {
  return { kind: filter.kind, offset: filter.offset, limit: filter.limit, ...(filter.search.trim() ? { search: filter.search.trim() } : {}) };
}

/** Raw data of the source's latest import, exactly as delivered. */
export function useRawRecordsQuery(tenantId: string, sourceSystemId: string, filter: RawRecordsFilter, options: { enabled?: boolean } = {}) {
  return useApiQuery(sourceSystemKeys.rawRecords(tenantId, sourceSystemId, filter), (call) => api.imports.raw({ params: { id: sourceSystemId }, query: rawRecordsQuery(filter) }, call), {
    // Paging and searching keep the current page on screen until the next one is there.
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

export function useBlockedPersonsQuery(tenantId: string, sourceSystemId: string) {
  return useApiQuery(sourceSystemKeys.blockedPersons(tenantId, sourceSystemId), (call) => api.imports.blocked({ params: { id: sourceSystemId } }, call));
}
