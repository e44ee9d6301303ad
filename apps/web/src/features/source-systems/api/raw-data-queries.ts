import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../lib/api/api-client.ts";
import { blockedPersonSchema, rawPageSchema } from "./missing-contracts.ts";
import { sourceSystemKeys, type RawRecordsFilter } from "./source-system-keys.ts";

export type RawPage = z.output<typeof rawPageSchema>;
export type BlockedPerson = z.output<typeof blockedPersonSchema>;

export function rawRecordsSearch(filter: RawRecordsFilter): URLSearchParams {
  const search = new URLSearchParams({ kind: filter.kind, offset: String(filter.offset), limit: String(filter.limit) });
  if (filter.search.trim()) search.set("search", filter.search.trim());
  return search;
}

/** Raw data of the source's latest import, exactly as delivered. */
export function useRawRecordsQuery(tenantId: string, sourceSystemId: string, filter: RawRecordsFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: sourceSystemKeys.rawRecords(tenantId, sourceSystemId, filter),
    queryFn: ({ signal }) =>
      apiRequest(`/source-systems/${encodeURIComponent(sourceSystemId)}/raw-records?${rawRecordsSearch(filter)}`, {
        tenantId,
        schema: rawPageSchema,
        signal,
      }),
    // Paging and searching keep the current page on screen until the next one is there.
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}

export function useBlockedPersonsQuery(tenantId: string, sourceSystemId: string) {
  return useQuery({
    queryKey: sourceSystemKeys.blockedPersons(tenantId, sourceSystemId),
    queryFn: ({ signal }) =>
      apiRequest(`/source-systems/${encodeURIComponent(sourceSystemId)}/blocked-persons`, {
        tenantId,
        schema: z.array(blockedPersonSchema),
        signal,
      }),
  });
}
