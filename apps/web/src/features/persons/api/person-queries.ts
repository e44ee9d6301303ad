import type { personDetailSchema, personHistoryEntrySchema, personRoutes } from "@idlife/contracts";
import { keepPreviousData } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { useApiQuery } from "../../../lib/api/api-queries.ts";
import { personListQuery, type PersonFilter } from "../person-filter.ts";
import { personKeys } from "./person-keys.ts";

export type PersonDetail = z.output<typeof personDetailSchema>;
export type PersonHistoryEntry = z.output<typeof personHistoryEntrySchema>;
export type PersonRawRecord = z.output<typeof personRoutes.raw.response>[number];

export function usePersonsQuery(tenantId: string, filter: PersonFilter) {
  return useApiQuery(personKeys.list(tenantId, filter), (call) => api.persons.list({ query: personListQuery(filter) }, call), { placeholderData: keepPreviousData });
}

export function usePersonQuery(tenantId: string, personId: string) {
  return useApiQuery(personKeys.detail(tenantId, personId), (call) => api.persons.get({ params: { id: personId } }, call));
}

export function usePersonHistoryQuery(tenantId: string, personId: string) {
  return useApiQuery(personKeys.history(tenantId, personId), (call) => api.persons.history({ params: { id: personId }, query: { limit: 500 } }, call));
}

export function usePersonRawQuery(tenantId: string, personId: string) {
  return useApiQuery(personKeys.raw(tenantId, personId), (call) => api.persons.raw({ params: { id: personId } }, call));
}
