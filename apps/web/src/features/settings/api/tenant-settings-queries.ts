import type { tenantRoutes, TenantSettings } from "@idlife/contracts";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { useApiMutation } from "../../../lib/api/api-queries.ts";
import { tenantKeys } from "../../tenants/api/tenant-keys.ts";

export type PrimaryContractCriteria = NonNullable<TenantSettings["primaryContractCriteria"]>;

export type PrimaryContractChange = z.output<typeof tenantRoutes.previewPrimaryContract.response>[number];

/** Saves some of the tenant's settings; those that decide persons start a snapshot in the API. */
export function useUpdateTenantSettingsMutation(tenantId: string) {
  return useApiMutation((settings: Partial<TenantSettings>) => api.tenant.update({ body: { settings } }, { tenantId }), { store: () => tenantKeys.detail(tenantId) });
}

/** Who would get another primary contract with these criteria; changes nothing. */
export function usePrimaryContractPreviewMutation(tenantId: string) {
  return useMutation({
    mutationFn: (criteria: PrimaryContractCriteria) =>
      api.tenant.previewPrimaryContract({ body: { criteria } }, { tenantId }),
  });
}
