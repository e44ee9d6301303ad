import {
  sourceSystemSchema,
  type createSourceSystemRequestSchema,
  type updateSourceSystemRequestSchema,
} from "@idlife/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest, listOf } from "../../../lib/api/api-client.ts";
import { personKeys } from "../../persons/api/person-keys.ts";
import { sourceSystemKeys } from "./source-system-keys.ts";

export type CreateSourceSystemRequest = z.input<typeof createSourceSystemRequestSchema>;
export type UpdateSourceSystemRequest = z.input<typeof updateSourceSystemRequestSchema>;

const path = (sourceSystemId: string) => `/source-systems/${encodeURIComponent(sourceSystemId)}`;

export function useSourceSystemsQuery(tenantId: string) {
  return useQuery({
    queryKey: sourceSystemKeys.list(tenantId),
    queryFn: ({ signal }) => apiRequest("/source-systems", { tenantId, schema: listOf(sourceSystemSchema), signal }),
  });
}

export function useSourceSystemQuery(tenantId: string, sourceSystemId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: sourceSystemKeys.detail(tenantId, sourceSystemId),
    queryFn: ({ signal }) => apiRequest(path(sourceSystemId), { tenantId, schema: sourceSystemSchema, signal }),
    // Opening a source system from the list shows it at once; the detail request refreshes it.
    initialData: () =>
      queryClient
        .getQueryData<z.output<typeof sourceSystemSchema>[]>(sourceSystemKeys.list(tenantId))
        ?.find((sourceSystem) => sourceSystem.id === sourceSystemId),
    initialDataUpdatedAt: () => queryClient.getQueryState(sourceSystemKeys.list(tenantId))?.dataUpdatedAt,
  });
}

export function useCreateSourceSystemMutation(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateSourceSystemRequest) =>
      apiRequest("/source-systems", { method: "POST", tenantId, body: request, schema: sourceSystemSchema }),
    onSuccess: (created) => {
      queryClient.setQueryData(sourceSystemKeys.detail(tenantId, created.id), created);
      return queryClient.invalidateQueries({ queryKey: sourceSystemKeys.list(tenantId) });
    },
  });
}

export function useUpdateSourceSystemMutation(tenantId: string, sourceSystemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateSourceSystemRequest) =>
      apiRequest(path(sourceSystemId), { method: "PATCH", tenantId, body: request, schema: sourceSystemSchema }),
    onSuccess: (updated, request) => {
      queryClient.setQueryData(sourceSystemKeys.detail(tenantId, sourceSystemId), updated);
      void queryClient.invalidateQueries({ queryKey: sourceSystemKeys.list(tenantId) });
      // A mapping change re-decides the persons on the worker (a snapshot without fetching).
      if (request.mapping) void queryClient.invalidateQueries({ queryKey: personKeys.all(tenantId) });
    },
  });
}

export function useDeleteSourceSystemMutation(tenantId: string, sourceSystemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(path(sourceSystemId), { method: "DELETE", tenantId }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: sourceSystemKeys.one(tenantId, sourceSystemId) });
      void queryClient.invalidateQueries({ queryKey: personKeys.all(tenantId) });
      return queryClient.invalidateQueries({ queryKey: sourceSystemKeys.list(tenantId) });
    },
  });
}
