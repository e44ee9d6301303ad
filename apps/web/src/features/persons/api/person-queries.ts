import { personDetailSchema, personHistoryEntrySchema, personPageSchema } from "@idlife/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../lib/api/api-client.ts";
import { personListSearch, type PersonFilter } from "../person-filter.ts";
import { personRawRecordSchema } from "./missing-contracts.ts";
import { personKeys } from "./person-keys.ts";

export type PersonDetail = z.output<typeof personDetailSchema>;
export type PersonHistoryEntry = z.output<typeof personHistoryEntrySchema>;
export type PersonRawRecord = z.output<typeof personRawRecordSchema>;

const path = (personId: string) => `/persons/${encodeURIComponent(personId)}`;

export function usePersonsQuery(tenantId: string, filter: PersonFilter) {
  return useQuery({
    queryKey: personKeys.list(tenantId, filter),
    queryFn: ({ signal }) => apiRequest(`/persons?${personListSearch(filter)}`, { tenantId, schema: personPageSchema, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePersonQuery(tenantId: string, personId: string) {
  return useQuery({
    queryKey: personKeys.detail(tenantId, personId),
    queryFn: ({ signal }) => apiRequest(path(personId), { tenantId, schema: personDetailSchema, signal }),
  });
}

export function usePersonHistoryQuery(tenantId: string, personId: string) {
  return useQuery({
    queryKey: personKeys.history(tenantId, personId),
    queryFn: ({ signal }) =>
      apiRequest(`${path(personId)}/history?limit=500`, { tenantId, schema: z.array(personHistoryEntrySchema), signal }),
  });
}

export function usePersonRawQuery(tenantId: string, personId: string) {
  return useQuery({
    queryKey: personKeys.raw(tenantId, personId),
    queryFn: ({ signal }) => apiRequest(`${path(personId)}/raw`, { tenantId, schema: z.array(personRawRecordSchema), signal }),
  });
}
