import type { MemberRole } from "@idlife/contracts";
import { api } from "../../../lib/api/api.ts";
import { useApiMutation } from "../../../lib/api/api-queries.ts";
import { tenantKeys } from "./tenant-keys.ts";

export interface InviteRequest {
  email: string;
  displayName: string;
  role: MemberRole;
}

/** A change to the tenant's members or invitations: both lists are fetched again once it succeeds. */
function useMembersMutation<TVariables, TData>(tenantId: string, mutationFn: (variables: TVariables) => Promise<TData>) {
  return useApiMutation(mutationFn, { refresh: [tenantKeys.members(tenantId), tenantKeys.invitations(tenantId)] });
}

export const useInviteMemberMutation = (tenantId: string) =>
  useMembersMutation(tenantId, (request: InviteRequest) => api.members.add({ body: request }, { tenantId }));

export const useWithdrawInvitationMutation = (tenantId: string) =>
  useMembersMutation(tenantId, (invitationId: string) => api.members.withdrawInvitation({ params: { id: invitationId } }, { tenantId }));

export const useChangeMemberRoleMutation = (tenantId: string) =>
  useMembersMutation(tenantId, ({ memberId, role }: { memberId: string; role: MemberRole }) => api.members.update({ params: { id: memberId }, body: { role } }, { tenantId }));

export const useRemoveMemberMutation = (tenantId: string) =>
  useMembersMutation(tenantId, (memberId: string) => api.members.remove({ params: { id: memberId } }, { tenantId }));
