import { tenantSettingsSchema, type Tenant } from "@idlife/contracts";

export function toTenantResponse(tenant: { id: string; name: string; slug: string; status: string; settings: unknown; createdAt: Date }): Tenant {
  return {
    id: tenant.id,
    name: tenant.name,
    slug: tenant.slug,
    status: tenant.status as Tenant["status"],
    settings: tenantSettingsSchema.parse(tenant.settings ?? {}),
    createdAt: tenant.createdAt.toISOString(),
  };
}
