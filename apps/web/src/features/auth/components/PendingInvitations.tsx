import { ErrorAlert } from "../../../components/Alert.tsx";
import { DataTable } from "../../../components/DataTable.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useAnswerInvitationMutation, usePendingInvitationsQuery } from "../api/invitation-queries.ts";
import { RoleBadge } from "../../tenants/components/RoleBadge.tsx";

const answers = [
  { answer: "accept", label: "Accept", tone: "primary" },
  { answer: "decline", label: "Decline", tone: "secondary" },
] as const;

/** The tenants that invited the signed-in person; nothing of theirs reaches a tenant before they accept. */
export function PendingInvitations({ emptyText }: { emptyText: string }) {
  const invitations = usePendingInvitationsQuery();
  const answer = useAnswerInvitationMutation();

  if (invitations.isPending) return <LoadingState />;
  if (!invitations.data) return <ErrorAlert error={invitations.error} />;
  if (invitations.data.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <div className="stack">
      {answer.error && <ErrorAlert error={answer.error} title="Your answer was not saved" />}
      <DataTable
        caption="Invitations"
        columns={["Tenant", "Role", "Open until", { label: "Answer", hidden: true }]}
        items={invitations.data}
        renderRow={(invitation) => (
          <>
            <td>{invitation.tenantName}</td>
            <td><RoleBadge role={invitation.role} /></td>
            <td className="table__nowrap">{formatDate(invitation.expiresAt)}</td>
            <td className="table__actions">
              <span className="inline-confirm">
                {answers.map(({ answer: choice, label, tone }) => (
                  <button
                    key={choice}
                    type="button"
                    className={`button button--${tone} button--small`}
                    disabled={answer.isPending}
                    onClick={() => answer.mutate({ invitationId: invitation.id, answer: choice })}
                  >
                    {label}
                  </button>
                ))}
              </span>
            </td>
          </>
        )}
      />
    </div>
  );
}
