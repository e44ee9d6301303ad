import { Link } from "react-router";
import { AuthLayout } from "../../auth/components/AuthLayout.tsx";
import { SignOutButton } from "../../auth/components/SignOutButton.tsx";
import { useSignedInUser } from "../../auth/components/SignedInUser.tsx";
import { tenantAreaPath } from "../tenant-paths.ts";

export function TenantNotFoundPage({ tenantSlug }: { tenantSlug: string }) {
  const user = useSignedInUser();
  return (
    <AuthLayout
      title="Tenant not found"
      description={
        <>
          There is no tenant <strong>“{tenantSlug}”</strong>, or you are not a member of it. Check the address, or
          choose one of your tenants.
        </>
      }
    >
      {user.memberships.length > 0 ? (
        <nav aria-label="Your tenants">
          <ul className="link-list">
            {user.memberships.map((membership) => (
              <li key={membership.tenantId}>
                <Link to={tenantAreaPath(membership.tenantSlug)}>{membership.tenantName}</Link>
                <span className="muted">/t/{membership.tenantSlug}</span>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        <p className="muted">You are not a member of any tenant yet.</p>
      )}
      <div className="auth-card__actions">
        <SignOutButton variant="secondary" />
      </div>
    </AuthLayout>
  );
}
