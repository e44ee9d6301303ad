import type { createdTenantSchema, createTenantRequestSchema } from "@idlife/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";

export type CreateTenantRequest = z.input<typeof createTenantRequestSchema>;
export type CreatedTenant = z.output<typeof createdTenantSchema>;

/** The platform's own keys: not about one tenant, so they never start with a tenant scope. */
export const platformKeys = {
  tenants: () => [{ platform: true }, "tenants"] as const,
};

export function usePlatformTenantsQuery() {
  return useQuery({
    queryKey: platformKeys.tenants(),
    queryFn: ({ signal }) => api.platform.listTenants(undefined, { signal }),
  });
}

export function useCreateTenantMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateTenantRequest) => api.platform.createTenant({ body: request }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platformKeys.tenants() }),
  });
}
