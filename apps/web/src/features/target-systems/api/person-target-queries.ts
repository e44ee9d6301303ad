import type { accountActionSchema } from "@idlife/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { personTargetKeys } from "./target-system-keys.ts";

export type AccountActionName = z.infer<typeof accountActionSchema>;

/** While an action waits in the work table, the person's tabs look again every two seconds. */
const refreshWhilePending = (data: Array<{ state: string }> | undefined) => (data?.some((action) => action.state === "planned" || action.state === "running") ? 2_000 : false);

export function usePersonAccountsQuery(tenantId: string, personId: string) {
  return useQuery({
    queryKey: personTargetKeys.accounts(tenantId, personId),
    queryFn: ({ signal }) => api.targetSystems.personAccounts({ params: { id: personId } }, { tenantId, signal }),
  });
}

export function usePersonEntitlementsQuery(tenantId: string, personId: string) {
  return useQuery({
    queryKey: personTargetKeys.entitlements(tenantId, personId),
    queryFn: ({ signal }) => api.targetSystems.personEntitlements({ params: { id: personId } }, { tenantId, signal }),
  });
}

export function usePersonTargetActionsQuery(tenantId: string, personId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: personTargetKeys.actions(tenantId, personId),
    queryFn: async ({ signal }) => {
      const actions = await api.targetSystems.personActions({ params: { id: personId } }, { tenantId, signal });
      // A finished action changes the accounts and entitlements: read them again.
      if (!actions.some((action) => action.state === "planned" || action.state === "running")) {
        void queryClient.invalidateQueries({ queryKey: personTargetKeys.accounts(tenantId, personId) });
        void queryClient.invalidateQueries({ queryKey: personTargetKeys.entitlements(tenantId, personId) });
      }
      return actions;
    },
    refetchInterval: (query) => refreshWhilePending(query.state.data),
  });
}

export function useTargetPreviewQuery(tenantId: string, personId: string, targetSystemId: string | undefined, action: AccountActionName | undefined) {
  return useQuery({
    queryKey: personTargetKeys.preview(tenantId, personId, targetSystemId ?? "", action),
    queryFn: ({ signal }) => api.targetSystems.preview({ params: { id: personId }, query: { targetSystemId: targetSystemId!, ...(action ? { action } : {}) } }, { tenantId, signal }),
    enabled: targetSystemId !== undefined,
    staleTime: 0,
  });
}

export function useRequestAccountActionMutation(tenantId: string, personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ targetSystemId, action }: { targetSystemId: string; action: AccountActionName }) =>
      api.targetSystems.requestAccountAction({ params: { id: personId, targetSystemId }, body: { action } }, { tenantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personTargetKeys.all(tenantId, personId) }),
  });
}

export function useRequestEntitlementMutation(tenantId: string, personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { targetSystemId: string; permissionId: string; action: "grant" | "revoke" }) => api.targetSystems.requestEntitlement({ params: { id: personId }, body }, { tenantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personTargetKeys.all(tenantId, personId) }),
  });
}
