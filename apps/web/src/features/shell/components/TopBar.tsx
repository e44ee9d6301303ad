import { Link } from "react-router";
import { initials } from "../../../lib/format.ts";
import { SignOutButton } from "../../auth/components/SignOutButton.tsx";
import { useSignedInUser } from "../../auth/components/SignedInUser.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { TenantSwitcher } from "../../tenants/components/TenantSwitcher.tsx";
import { roleLabels } from "../../tenants/roles.ts";

export function TopBar() {
  const user = useSignedInUser();
  const tenant = useCurrentTenant();
  return (
    <header className="topbar">
      <TenantSwitcher />
      <div className="topbar__user">
        <span className="avatar" aria-hidden="true">
          {initials(user.displayName)}
        </span>
        <div className="topbar__identity">
          <span className="topbar__name">{user.displayName}</span>
          <span className="topbar__meta">
            {roleLabels[tenant.role]} · {user.email}
          </span>
        </div>
        {user.isPlatformAdmin && (
          <Link to="/platform/tenants" className="button button--quiet button--small">
            All tenants
          </Link>
        )}
        <SignOutButton />
      </div>
    </header>
  );
}
