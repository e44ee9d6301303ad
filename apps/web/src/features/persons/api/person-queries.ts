import type { personDetailSchema, personHistoryEntrySchema, personRoutes } from "@idlife/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { personListQuery, type PersonFilter } from "../person-filter.ts";
import { personKeys } from "./person-keys.ts";

export type PersonDetail = z.output<typeof personDetailSchema>;
export type PersonHistoryEntry = z.output<typeof personHistoryEntrySchema>;
export type PersonRawRecord = z.output<typeof personRoutes.raw.response>[number];

export function usePersonsQuery(tenantId: string, filter: PersonFilter) {
  return useQuery({
    queryKey: personKeys.list(tenantId, filter),
    queryFn: ({ signal }) => api.persons.list({ query: personListQuery(filter) }, { tenantId, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePersonQuery(tenantId: string, personId: string) {
  return useQuery({
    queryKey: personKeys.detail(tenantId, personId),
    queryFn: ({ signal }) => api.persons.get({ params: { id: personId } }, { tenantId, signal }),
  });
}

export function usePersonHistoryQuery(tenantId: string, personId: string) {
  return useQuery({
    queryKey: personKeys.history(tenantId, personId),
    queryFn: ({ signal }) =>
      api.persons.history({ params: { id: personId }, query: { limit: 500 } }, { tenantId, signal }),
  });
}

export function usePersonRawQuery(tenantId: string, personId: string) {
  return useQuery({
    queryKey: personKeys.raw(tenantId, personId),
    queryFn: ({ signal }) => api.persons.raw({ params: { id: personId } }, { tenantId, signal }),
  });
}
