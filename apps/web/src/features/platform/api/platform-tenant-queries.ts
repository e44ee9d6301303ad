import type { createdTenantSchema, createTenantRequestSchema } from "@idlife/contracts";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { useApiMutation, useApiQuery } from "../../../lib/api/api-queries.ts";

export type CreateTenantRequest = z.input<typeof createTenantRequestSchema>;
export type CreatedTenant = z.output<typeof createdTenantSchema>;

/** The platform's own keys: not about one tenant, so they never start with a tenant scope. */
export const platformKeys = {
  tenants: () => [{ platform: true }, "tenants"] as const,
};

export function usePlatformTenantsQuery() {
  return useApiQuery(platformKeys.tenants(), (call) => api.platform.listTenants(undefined, call));
}

export function useCreateTenantMutation() {
  return useApiMutation((request: CreateTenantRequest) => api.platform.createTenant({ body: request }), { refresh: [platformKeys.tenants()] });
}
