import { tenantSchema, type TenantSettings } from "@idlife/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../lib/api/api-client.ts";
import { tenantKeys } from "../../tenants/api/tenant-keys.ts";

export type PrimaryContractCriteria = NonNullable<TenantSettings["primaryContractCriteria"]>;

const primaryContractChangeSchema = z.object({
  personId: z.uuid(),
  externalId: z.string(),
  displayName: z.string(),
  oldContractExternalId: z.string().nullable(),
  newContractExternalId: z.string().nullable(),
});
export type PrimaryContractChange = z.infer<typeof primaryContractChangeSchema>;

/** Saves some of the tenant's settings; those that decide persons start a snapshot in the API. */
export function useUpdateTenantSettingsMutation(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: Partial<TenantSettings>) =>
      apiRequest("/tenant", { method: "PATCH", tenantId, body: { settings }, schema: tenantSchema }),
    onSuccess: (tenant) => queryClient.setQueryData(tenantKeys.detail(tenantId), tenant),
  });
}

/** Who would get another primary contract with these criteria; changes nothing. */
export function usePrimaryContractPreviewMutation(tenantId: string) {
  return useMutation({
    mutationFn: (criteria: PrimaryContractCriteria) =>
      apiRequest("/tenant/primary-contract/preview", { method: "POST", tenantId, body: { criteria }, schema: z.array(primaryContractChangeSchema) }),
  });
}
