import { PendingInvitations } from "./PendingInvitations.tsx";
import { SignOutButton } from "./SignOutButton.tsx";

/** The foot of the pages someone without a tenant of their own lands on: their open invitations, and signing out. */
export function InvitationsAndSignOut() {
  return (
    <>
      <PendingInvitations emptyText="No invitations are waiting for you." />
      <div className="auth-card__actions">
        <SignOutButton variant="secondary" />
      </div>
    </>
  );
}
