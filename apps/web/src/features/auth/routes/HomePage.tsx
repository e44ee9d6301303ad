import { Navigate } from "react-router";
import { homePath } from "../../tenants/tenant-paths.ts";
import { AuthLayout } from "../components/AuthLayout.tsx";
import { InvitationsAndSignOut } from "../components/InvitationsAndSignOut.tsx";
import { useSignedInUser } from "../components/SignedInUser.tsx";

/** "/" sends a person to their first tenant, or explains why there is nowhere to go. */
export function HomePage() {
  const user = useSignedInUser();
  if (user.memberships.length > 0) return <Navigate to={homePath(user)} replace />;
  // A platform administrator without a tenant of their own starts with the platform's tenants.
  if (user.isPlatformAdmin) return <Navigate to="/platform/tenants" replace />;
  return (
    <AuthLayout
      title="You are not a member of any tenant yet"
      description={
        <>
          You are signed in as <strong>{user.email}</strong>. Accept an invitation below, or ask an owner or
          administrator of your organisation to invite you.
        </>
      }
    >
      <InvitationsAndSignOut />
    </AuthLayout>
  );
}
