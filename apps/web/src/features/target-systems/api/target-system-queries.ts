import type { createTargetSystemRequestSchema, targetSystemSchema, updateTargetSystemRequestSchema } from "@idlife/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { targetSystemKeys } from "./target-system-keys.ts";

export type CreateTargetSystemRequest = z.input<typeof createTargetSystemRequestSchema>;
export type UpdateTargetSystemRequest = z.input<typeof updateTargetSystemRequestSchema>;
export type TargetSystem = z.output<typeof targetSystemSchema>;

/** The target connector registry as the API serves it: the type picker and the settings form come from here. */
export function useTargetConnectorTypesQuery(tenantId: string) {
  return useQuery({
    queryKey: targetSystemKeys.connectorTypes(tenantId),
    queryFn: ({ signal }) => api.targetSystems.connectorTypes(undefined, { tenantId, signal }),
    staleTime: Infinity,
  });
}

export function useTargetSystemsQuery(tenantId: string) {
  return useQuery({
    queryKey: targetSystemKeys.list(tenantId),
    queryFn: ({ signal }) => api.targetSystems.list(undefined, { tenantId, signal }),
  });
}

export function useTargetSystemQuery(tenantId: string, targetSystemId: string) {
  return useQuery({
    queryKey: targetSystemKeys.detail(tenantId, targetSystemId),
    queryFn: ({ signal }) => api.targetSystems.get({ params: { id: targetSystemId } }, { tenantId, signal }),
  });
}

export function useCreateTargetSystemMutation(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateTargetSystemRequest) => api.targetSystems.create({ body: request }, { tenantId }),
    onSuccess: (created) => {
      queryClient.setQueryData(targetSystemKeys.detail(tenantId, created.id), created);
      return queryClient.invalidateQueries({ queryKey: targetSystemKeys.list(tenantId) });
    },
  });
}

export function useUpdateTargetSystemMutation(tenantId: string, targetSystemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateTargetSystemRequest) => api.targetSystems.update({ params: { id: targetSystemId }, body: request }, { tenantId }),
    onSuccess: (updated) => {
      queryClient.setQueryData(targetSystemKeys.detail(tenantId, targetSystemId), updated);
      return queryClient.invalidateQueries({ queryKey: targetSystemKeys.list(tenantId) });
    },
  });
}

export function useDeleteTargetSystemMutation(tenantId: string, targetSystemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (force: boolean) => api.targetSystems.remove({ params: { id: targetSystemId }, query: force ? { force: "true" } : {} }, { tenantId }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: targetSystemKeys.one(tenantId, targetSystemId) });
      return queryClient.invalidateQueries({ queryKey: targetSystemKeys.list(tenantId) });
    },
  });
}

export function useTestConnectionMutation(tenantId: string, targetSystemId: string) {
  return useMutation({ mutationFn: () => api.targetSystems.testConnection({ params: { id: targetSystemId } }, { tenantId }) });
}

export function usePermissionsQuery(tenantId: string, targetSystemId: string, enabled = true) {
  return useQuery({
    queryKey: targetSystemKeys.permissions(tenantId, targetSystemId),
    queryFn: ({ signal }) => api.targetSystems.permissions({ params: { id: targetSystemId } }, { tenantId, signal }),
    enabled,
  });
}

export function useRefreshPermissionsMutation(tenantId: string, targetSystemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.targetSystems.refreshPermissions({ params: { id: targetSystemId } }, { tenantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: targetSystemKeys.permissions(tenantId, targetSystemId) }),
  });
}

export function useInventoryQuery(tenantId: string, targetSystemId: string, status: "managed" | "correlatable" | "orphaned" | undefined) {
  return useQuery({
    queryKey: targetSystemKeys.inventory(tenantId, targetSystemId, status),
    queryFn: ({ signal }) => api.targetSystems.inventory({ params: { id: targetSystemId }, query: status ? { status } : {} }, { tenantId, signal }),
  });
}

export function useRunInventoryMutation(tenantId: string, targetSystemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.targetSystems.runInventory({ params: { id: targetSystemId }, body: {} }, { tenantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...targetSystemKeys.one(tenantId, targetSystemId), "inventory"] }),
  });
}

export function useTargetActionsQuery(tenantId: string, targetSystemId: string, state: string | undefined) {
  return useQuery({
    queryKey: targetSystemKeys.actions(tenantId, targetSystemId, state),
    queryFn: ({ signal }) =>
      api.targetSystems.actions({ params: { id: targetSystemId }, query: state ? { state: state as "planned" } : {} }, { tenantId, signal }),
  });
}
