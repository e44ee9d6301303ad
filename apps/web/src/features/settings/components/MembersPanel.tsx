import { ErrorAlert } from "../../../components/Alert.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useMembersQuery, useTenantInvitationsQuery } from "../../tenants/api/tenant-queries.ts";
import { roleLabels } from "../../tenants/roles.ts";

export function MembersPanel({ tenantId }: { tenantId: string }) {
  const members = useMembersQuery(tenantId);
  return (
    <Panel title="Members" description="People who can sign in to this tenant, and what they may do.">
      {members.isPending ? (
        <LoadingState />
      ) : !members.data ? (
        <ErrorAlert error={members.error} />
      ) : members.data.length === 0 ? (
        <p className="muted">No members yet.</p>
      ) : (
        <div className="table-wrap table-wrap--flush">
          <table className="table">
            <caption className="visually-hidden">Members</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Member since</th>
              </tr>
            </thead>
            <tbody>
              {members.data.map((member) => (
                <tr key={member.id}>
                  <td>{member.displayName}</td>
                  <td>{member.email}</td>
                  <td>
                    <span className="badge badge--neutral">{roleLabels[member.role]}</span>
                  </td>
                  <td className="table__nowrap">{formatDate(member.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PendingInvitationsList tenantId={tenantId} />
    </Panel>
  );
}

/** Shown only when there are any: an invitation is not a member until its invitee accepts. */
function PendingInvitationsList({ tenantId }: { tenantId: string }) {
  const invitations = useTenantInvitationsQuery(tenantId);
  if (!invitations.data?.length) return invitations.error ? <ErrorAlert error={invitations.error} /> : null;
  return (
    <div className="table-wrap table-wrap--flush">
      <table className="table">
        <caption>Invited, not yet accepted</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Open until</th>
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
