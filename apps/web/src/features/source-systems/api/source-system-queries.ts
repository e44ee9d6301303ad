import {
  sourceSystemSchema,
  type createSourceSystemRequestSchema,
  type updateSourceSystemRequestSchema,
} from "@idlife/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { personKeys } from "../../persons/api/person-keys.ts";
import { sourceSystemKeys } from "./source-system-keys.ts";

export type CreateSourceSystemRequest = z.input<typeof createSourceSystemRequestSchema>;
export type UpdateSourceSystemRequest = z.input<typeof updateSourceSystemRequestSchema>;

export function useSourceSystemsQuery(tenantId: string) {
  return useQuery({
    queryKey: sourceSystemKeys.list(tenantId),
    queryFn: ({ signal }) => api.sourceSystems.list(undefined, { tenantId, signal }),
  });
}

export function useSourceSystemQuery(tenantId: string, sourceSystemId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: sourceSystemKeys.detail(tenantId, sourceSystemId),
    queryFn: ({ signal }) => api.sourceSystems.get({ params: { id: sourceSystemId } }, { tenantId, signal }),
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
      api.sourceSystems.create({ body: request }, { tenantId }),
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
      api.sourceSystems.update({ params: { id: sourceSystemId }, body: request }, { tenantId }),
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
    mutationFn: () => api.sourceSystems.remove({ params: { id: sourceSystemId } }, { tenantId }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: sourceSystemKeys.one(tenantId, sourceSystemId) });
      void queryClient.invalidateQueries({ queryKey: personKeys.all(tenantId) });
      return queryClient.invalidateQueries({ queryKey: sourceSystemKeys.list(tenantId) });
    },
  });
}
