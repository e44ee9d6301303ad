import { useId } from "react";
import { useLocation, useNavigate } from "react-router";
import { useSignedInUser } from "../../auth/components/SignedInUser.tsx";
import { switchTenantPath } from "../tenant-paths.ts";
import { useCurrentTenant } from "./CurrentTenant.tsx";

/** Switching keeps the person in the same area, now for the other tenant. */
export function TenantSwitcher() {
  const id = useId();
  const user = useSignedInUser();
  const tenant = useCurrentTenant();
  const location = useLocation();
  const navigate = useNavigate();

  return (
    <div className="tenant-switcher">
      <label className="tenant-switcher__label" htmlFor={id}>
        Tenant
      </label>
      <select
        id={id}
        className="select tenant-switcher__select"
        value={tenant.tenantSlug}
        onChange={(event) => void navigate(switchTenantPath(location.pathname, event.target.value))}
      >
        {user.memberships.map((membership) => (
          <option key={membership.tenantId} value={membership.tenantSlug}>
            {membership.tenantName}
          </option>
        ))}
      </select>
    </div>
  );
}
