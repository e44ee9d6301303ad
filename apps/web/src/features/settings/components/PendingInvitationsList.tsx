import { ErrorAlert } from "../../../components/Alert.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useWithdrawInvitationMutation } from "../../tenants/api/member-queries.ts";
import { useTenantInvitationsQuery } from "../../tenants/api/tenant-queries.ts";
import { roleLabels } from "../../tenants/roles.ts";

/** Shown only when there are any: an invitation is not a member until its invitee accepts. */
export function PendingInvitationsList({ tenantId, canManage }: { tenantId: string; canManage: boolean }) {
  const invitations = useTenantInvitationsQuery(tenantId);
  const withdraw = useWithdrawInvitationMutation(tenantId);
  if (!invitations.data?.length) return invitations.error ? <ErrorAlert error={invitations.error} /> : null;
  return (
    <>
      {withdraw.error && <ErrorAlert error={withdraw.error} title="The invitation was not withdrawn" />}
      <div className="table-wrap table-wrap--flush">
        <table className="table">
          <caption>Invited, not yet accepted</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Open until</th>
              {canManage && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {invitations.data.map((invitation) => (
              <tr key={invitation.id}>
                <td>{invitation.email}</td>
                <td>
                  <span className="badge badge--neutral">{roleLabels[invitation.role]}</span>
                </td>
                <td className="table__nowrap">{formatDate(invitation.expiresAt)}</td>
                {canManage && (
                  <td className="table__actions">
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      disabled={withdraw.isPending}
                      aria-label={`Withdraw the invitation of ${invitation.email}`}
                      onClick={() => withdraw.mutate(invitation.id)}
                    >
                      Withdraw
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
