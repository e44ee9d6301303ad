import { Link } from "react-router";
import { homePath } from "../../tenants/tenant-paths.ts";
import { AuthLayout } from "../components/AuthLayout.tsx";
import { PendingInvitations } from "../components/PendingInvitations.tsx";
import { useSignedInUser } from "../components/SignedInUser.tsx";

/** Where an invitation mail leads: accept or decline, then go on to a tenant. */
export function InvitationsPage() {
  const user = useSignedInUser();
  return (
    <AuthLayout
      title="Invitations"
      description={
        <>
          Invitations sent to <strong>{user.email}</strong>. You join a tenant only when you accept.
        </>
      }
      footer={
        <p>
          <Link to={homePath(user)}>Continue</Link>
        </p>
      }
    >
      <PendingInvitations emptyText="No invitations are waiting for you." />
    </AuthLayout>
  );
}
