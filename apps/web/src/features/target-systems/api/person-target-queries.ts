import type { accountActionSchema } from "@idlife/contracts";
import { useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { useApiMutation, useApiQuery } from "../../../lib/api/api-queries.ts";
import { personTargetKeys } from "./target-system-keys.ts";

export type AccountActionName = z.infer<typeof accountActionSchema>;

/** While an action waits in the work table, the person's tabs look again every two seconds. */
const refreshWhilePending = (data: Array<{ state: string }> | undefined) => (data?.some((action) => action.state === "planned" || action.state === "running") ? 2_000 : false);

export function usePersonAccountsQuery(tenantId: string, personId: string) {
  return useApiQuery(personTargetKeys.accounts(tenantId, personId), (call) => api.targetSystems.personAccounts({ params: { id: personId } }, call));
}

export function usePersonEntitlementsQuery(tenantId: string, personId: string) {
  return useApiQuery(personTargetKeys.entitlements(tenantId, personId), (call) => api.targetSystems.personEntitlements({ params: { id: personId } }, call));
}

export function usePersonTargetActionsQuery(tenantId: string, personId: string) {
  const queryClient = useQueryClient();
  return useApiQuery(
    personTargetKeys.actions(tenantId, personId),
    async (call) => {
      const actions = await api.targetSystems.personActions({ params: { id: personId } }, call);
      // A finished action changes the accounts and entitlements: read them again.
      if (!actions.some((action) => action.state === "planned" || action.state === "running")) {
        void queryClient.invalidateQueries({ queryKey: personTargetKeys.accounts(tenantId, personId) });
        void queryClient.invalidateQueries({ queryKey: personTargetKeys.entitlements(tenantId, personId) });
      }
      return actions;
    },
    { refetchInterval: (query) => refreshWhilePending(query.state.data) },
  );
}

export function useTargetPreviewQuery(tenantId: string, personId: string, targetSystemId: string | undefined, action: AccountActionName | undefined) {
  return useApiQuery(
    personTargetKeys.preview(tenantId, personId, targetSystemId ?? "", action),
    (call) => api.targetSystems.preview({ params: { id: personId }, query: { targetSystemId: targetSystemId!, ...(action ? { action } : {}) } }, call),
    { enabled: targetSystemId !== undefined, staleTime: 0 },
  );
}

/** A requested action or entitlement waits in the work table: everything shown of the person's targets is read again. */
function usePersonTargetMutation<TVariables, TData>(tenantId: string, personId: string, mutationFn: (variables: TVariables) => Promise<TData>) {
  return useApiMutation(mutationFn, { refresh: [personTargetKeys.all(tenantId, personId)] });
}

export function useRequestAccountActionMutation(tenantId: string, personId: string) {
  return usePersonTargetMutation(tenantId, personId, ({ targetSystemId, action }: { targetSystemId: string; action: AccountActionName }) =>
    api.targetSystems.requestAccountAction({ params: { id: personId, targetSystemId }, body: { action } }, { tenantId }),
  );
}

export function useRequestEntitlementMutation(tenantId: string, personId: string) {
  return usePersonTargetMutation(tenantId, personId, (body: { targetSystemId: string; permissionId: string; action: "grant" | "revoke" }) =>
    api.targetSystems.requestEntitlement({ params: { id: personId }, body }, { tenantId }),
  );
}
