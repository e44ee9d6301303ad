import type { createSourceSystemRequestSchema, sourceSystemSchema, updateSourceSystemRequestSchema } from "@idlife/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { useApiQuery, useInitialDataFromList, useSaveItemMutation } from "../../../lib/api/api-queries.ts";
import { personKeys } from "../../persons/api/person-keys.ts";
import { sourceSystemKeys } from "./source-system-keys.ts";

export type CreateSourceSystemRequest = z.input<typeof createSourceSystemRequestSchema>;
export type UpdateSourceSystemRequest = z.input<typeof updateSourceSystemRequestSchema>;

export function useSourceSystemsQuery(tenantId: string) {
  return useApiQuery(sourceSystemKeys.list(tenantId), (call) => api.sourceSystems.list(undefined, call));
}

export function useSourceSystemQuery(tenantId: string, sourceSystemId: string) {
  const fromList = useInitialDataFromList<z.output<typeof sourceSystemSchema>>(sourceSystemKeys.list(tenantId), sourceSystemId);
  return useApiQuery(sourceSystemKeys.detail(tenantId, sourceSystemId), (call) => api.sourceSystems.get({ params: { id: sourceSystemId } }, call), fromList);
}

export function useCreateSourceSystemMutation(tenantId: string) {
  return useSaveItemMutation(tenantId, sourceSystemKeys, (request: CreateSourceSystemRequest) => api.sourceSystems.create({ body: request }, { tenantId }));
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
