import type { createTargetSystemRequestSchema, targetSystemSchema, updateTargetSystemRequestSchema } from "@idlife/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { useApiMutation, useApiQuery, useSaveItemMutation } from "../../../lib/api/api-queries.ts";
import { targetSystemKeys } from "./target-system-keys.ts";

export type CreateTargetSystemRequest = z.input<typeof createTargetSystemRequestSchema>;
export type UpdateTargetSystemRequest = z.input<typeof updateTargetSystemRequestSchema>;
export type TargetSystem = z.output<typeof targetSystemSchema>;

/** The target connector registry as the API serves it: the type picker and the settings form come from here. */
export function useTargetConnectorTypesQuery(tenantId: string) {
  return useApiQuery(targetSystemKeys.connectorTypes(tenantId), (call) => api.targetSystems.connectorTypes(undefined, call), { staleTime: Infinity });
}

/** A connector type's label from the catalogue; the type itself until the catalogue has loaded. */
export function useTargetConnectorLabels(tenantId: string): (type: string) => string {
  const catalogue = useTargetConnectorTypesQuery(tenantId);
  return (type) => catalogue.data?.find((connector) => connector.type === type)?.label ?? type;
}

export function useTargetSystemsQuery(tenantId: string) {
  return useApiQuery(targetSystemKeys.list(tenantId), (call) => api.targetSystems.list(undefined, call));
}

export function useTargetSystemQuery(tenantId: string, targetSystemId: string) {
  return useApiQuery(targetSystemKeys.detail(tenantId, targetSystemId), (call) => api.targetSystems.get({ params: { id: targetSystemId } }, call));
}

export function useCreateTargetSystemMutation(tenantId: string) {
  return useSaveItemMutation(tenantId, targetSystemKeys, (request: CreateTargetSystemRequest) => api.targetSystems.create({ body: request }, { tenantId }));
}

export function useUpdateTargetSystemMutation(tenantId: string, targetSystemId: string) {
  return useSaveItemMutation(tenantId, targetSystemKeys, (request: UpdateTargetSystemRequest) => api.targetSystems.update({ params: { id: targetSystemId }, body: request }, { tenantId }));
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
  return useApiQuery(targetSystemKeys.permissions(tenantId, targetSystemId), (call) => api.targetSystems.permissions({ params: { id: targetSystemId } }, call), { enabled });
}

export function useRefreshPermissionsMutation(tenantId: string, targetSystemId: string) {
  return useApiMutation(() => api.targetSystems.refreshPermissions({ params: { id: targetSystemId } }, { tenantId }), {
    refresh: [targetSystemKeys.permissions(tenantId, targetSystemId)],
  });
}

export function useInventoryQuery(tenantId: string, targetSystemId: string, status: "managed" | "correlatable" | "orphaned" | undefined) {
  return useApiQuery(targetSystemKeys.inventory(tenantId, targetSystemId, status), (call) =>
    api.targetSystems.inventory({ params: { id: targetSystemId }, query: status ? { status } : {} }, call),
  );
}

export function useRunInventoryMutation(tenantId: string, targetSystemId: string) {
  return useApiMutation(() => api.targetSystems.runInventory({ params: { id: targetSystemId }, body: {} }, { tenantId }), {
    refresh: [[...targetSystemKeys.one(tenantId, targetSystemId), "inventory"]],
  });
}

export function useTargetActionsQuery(tenantId: string, targetSystemId: string, state: string | undefined) {
  return useApiQuery(targetSystemKeys.actions(tenantId, targetSystemId, state), (call) =>
    api.targetSystems.actions({ params: { id: targetSystemId }, query: state ? { state: state as "planned" } : {} }, call),
  );
}
