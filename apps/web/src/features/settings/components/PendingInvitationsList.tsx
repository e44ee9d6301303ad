import { ErrorAlert } from "../../../components/Alert.tsx";
import { DataTable } from "../../../components/DataTable.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useWithdrawInvitationMutation } from "../../tenants/api/member-queries.ts";
import { useTenantInvitationsQuery } from "../../tenants/api/tenant-queries.ts";
import { RoleBadge } from "../../tenants/components/RoleBadge.tsx";

/** Shown only when there are any: an invitation is not a member until its invitee accepts. */
export function PendingInvitationsList({ tenantId, canManage }: { tenantId: string; canManage: boolean }) {
  const invitations = useTenantInvitationsQuery(tenantId);
  const withdraw = useWithdrawInvitationMutation(tenantId);
  if (!invitations.data?.length) return invitations.error ? <ErrorAlert error={invitations.error} /> : null;
  return (
    <>
      {withdraw.error && <ErrorAlert error={withdraw.error} title="The invitation was not withdrawn" />}
      <DataTable
        caption="Invited, not yet accepted"
        captionVisible
        columns={["Email", "Role", "Open until", canManage && "Actions"]}
        items={invitations.data}
        renderRow={(invitation) => (
          <>
            <td>{invitation.email}</td>
            <td><RoleBadge role={invitation.role} /></td>
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
          </>
        )}
      />
    </>
  );
}
