import type { TenantMembership } from "@idlife/contracts";
import { createContext, useContext } from "react";

export const CurrentTenantContext = createContext<TenantMembership | null>(null);

/** The tenant in the URL, as the signed-in person's membership; its tenantId goes in X-Tenant-Id. */
export function useCurrentTenant(): TenantMembership {
  const tenant = useContext(CurrentTenantContext);
  if (!tenant) throw new Error("useCurrentTenant is used outside a /t/:tenantSlug route");
  return tenant;
}
