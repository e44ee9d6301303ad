import { todayIn } from "../../lib/format.ts";
import { useTenantQuery } from "./api/tenant-queries.ts";
import { useCurrentTenant } from "./components/CurrentTenant.tsx";

/**
 * Today's date (YYYY-MM-DD) in the tenant's time zone, which is the day contracts are judged on;
 * the browser's own zone is used until the tenant's settings have loaded.
 */
export function useTenantToday(): string {
  const tenant = useCurrentTenant();
  const timeZone = useTenantQuery(tenant.tenantId).data?.settings.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return todayIn(timeZone);
}
