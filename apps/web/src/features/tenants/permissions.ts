import { roleAllows, type Permission } from "../../lib/idlife-core.ts";
import { useCurrentTenant } from "./components/CurrentTenant.tsx";

/**
 * Whether the signed-in person's role in the current tenant allows a permission. The API enforces
 * the same table (core's roleAllows); the portal only hides what would be refused anyway.
 */
export function usePermission(permission: Permission): boolean {
  return roleAllows(useCurrentTenant().role, permission);
}
