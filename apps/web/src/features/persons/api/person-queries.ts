import { personDetailSchema, personHistoryEntrySchema, personPageSchema } from "@idlife/contracts";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../lib/api/api-client.ts";
import { downloadFile, saveBlob } from "../../../lib/api/api-files.ts";
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

/** The CSV export needs the tenant header, so it is fetched and handed to the browser as a file. */
export function useExportPersonsMutation(tenantId: string) {
  return useMutation({
    mutationFn: async (filter: PersonFilter) => {
      const search = personListSearch(filter, { paging: false });
      const blob = await downloadFile(`/persons/export.csv?${search}`, { tenantId });
      saveBlob(blob, `persons-${new Date().toISOString().slice(0, 10)}.csv`);
    },
  });
}
