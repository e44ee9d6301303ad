import type { Member, MemberRole } from "@idlife/contracts";
import { useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { ConfirmDialog } from "../../../components/ConfirmDialog.tsx";
import { DataTable } from "../../../components/DataTable.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { Options } from "../../../components/Options.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useChangeMemberRoleMutation, useRemoveMemberMutation } from "../../tenants/api/member-queries.ts";
import { useMembersQuery } from "../../tenants/api/tenant-queries.ts";
import { roleLabels } from "../../tenants/roles.ts";
import { InviteMemberForm } from "./InviteMemberForm.tsx";
import { PendingInvitationsList } from "./PendingInvitationsList.tsx";
import { RoleBadge } from "../../tenants/components/RoleBadge.tsx";

/** Members of the tenant; owners and administrators also invite, change roles and remove. */
export function MembersPanel({ tenantId, canManage }: { tenantId: string; canManage: boolean }) {
  const members = useMembersQuery(tenantId);
  const changeRole = useChangeMemberRoleMutation(tenantId);
  const removeMember = useRemoveMemberMutation(tenantId);
  const [removing, setRemoving] = useState<Member | null>(null);
  const error = changeRole.error ?? removeMember.error;

  return (
    <Panel title="Members" description="People who can sign in to this tenant, and what they may do.">
      <div className="stack">
        {canManage && <InviteMemberForm tenantId={tenantId} />}
        {error && <ErrorAlert error={error} title={changeRole.error ? "The role was not changed" : "The member was not removed"} />}
        {members.isPending ? (
          <LoadingState />
        ) : !members.data ? (
          <ErrorAlert error={members.error} />
        ) : members.data.length === 0 ? (
          <p className="muted">No members yet.</p>
        ) : (
          <DataTable
            caption="Members"
            columns={["Name", "Email", "Role", "Member since", canManage && "Actions"]}
            items={members.data}
            renderRow={(member) => (
              <>
                <td>{member.displayName}</td>
                <td>{member.email}</td>
                <td>
                  {canManage ? (
                    <select
                      className="select"
                      aria-label={`Role of ${member.email}`}
                      value={member.role}
                      disabled={changeRole.isPending}
                      onChange={(event) => {
                        removeMember.reset();
                        changeRole.mutate({ memberId: member.id, role: event.target.value as MemberRole });
                      }}
                    >
                      <Options labels={roleLabels} />
                    </select>
                  ) : (
                    <RoleBadge role={member.role} />
                  )}
                </td>
                <td className="table__nowrap">{formatDate(member.createdAt)}</td>
                {canManage && (
                  <td className="table__actions">
                    <button type="button" className="button button--quiet button--small" onClick={() => setRemoving(member)}>
                      Remove
                    </button>
                  </td>
                )}
              </>
            )}
          />
        )}
        <PendingInvitationsList tenantId={tenantId} canManage={canManage} />
      </div>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.displayName ?? ""}?`}
        confirmLabel="Remove member"
        pendingLabel="Removing…"
        isPending={removeMember.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          changeRole.reset();
          removeMember.mutate(removing.id, { onSettled: () => setRemoving(null) });
        }}
      >
        {removing?.email} can no longer sign in to this tenant, and the API keys they created here are revoked.
      </ConfirmDialog>
    </Panel>
  );
}
