import { Link, Navigate } from "react-router";
import { QueryTable } from "../../../components/pages/QueryView.tsx";
import { formatDate } from "../../../lib/format.ts";
import { AuthLayout } from "../../auth/components/AuthLayout.tsx";
import { InvitationsAndSignOut } from "../../auth/components/InvitationsAndSignOut.tsx";
import { useSignedInUser } from "../../auth/components/SignedInUser.tsx";
import { homePath } from "../../tenants/tenant-paths.ts";
import { usePlatformTenantsQuery } from "../api/platform-tenant-queries.ts";
import { CreateTenantForm } from "../components/CreateTenantForm.tsx";

/** The platform administrator's start: every tenant on the platform, and a new one. */
export function PlatformTenantsPage() {
  const user = useSignedInUser();
  const tenants = usePlatformTenantsQuery();
  if (!user.isPlatformAdmin) return <Navigate to="/" replace />;
  return (
    <AuthLayout
      wide
      title="Tenants"
      description={<>Every organisation on this platform. You are signed in as <strong>{user.email}</strong>, platform administrator.</>}
      footer={
        user.memberships.length > 0 && (
          <p>
            <Link to={homePath(user)}>Back to your tenant</Link>
          </p>
        )
      }
    >
      <CreateTenantForm />
      <QueryTable
        query={tenants}
        caption="Tenants"
        columns={["Name", "Slug", "Status", "Created"]}
        renderRow={(tenant) => (
          <>
            <td>{tenant.name}</td>
            <td>
              <code className="code">{tenant.slug}</code>
            </td>
            <td>{tenant.status === "active" ? "Active" : "Suspended"}</td>
            <td className="table__nowrap">{formatDate(tenant.createdAt)}</td>
          </>
        )}
      />
      <InvitationsAndSignOut />
    </AuthLayout>
  );
}
