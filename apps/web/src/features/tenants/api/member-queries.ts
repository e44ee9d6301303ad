import type { MemberRole } from "@idlife/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api/api.ts";
import { tenantKeys } from "./tenant-keys.ts";

export interface InviteRequest {
  email: string;
  displayName: string;
  role: MemberRole;
}

function useRefreshMembers(tenantId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: tenantKeys.members(tenantId) }),
      queryClient.invalidateQueries({ queryKey: tenantKeys.invitations(tenantId) }),
    ]);
}

export function useInviteMemberMutation(tenantId: string) {
  const refresh = useRefreshMembers(tenantId);
  return useMutation({
    mutationFn: (request: InviteRequest) => api.members.add({ body: request }, { tenantId }),
    onSuccess: refresh,
  });
}

export function useWithdrawInvitationMutation(tenantId: string) {
  const refresh = useRefreshMembers(tenantId);
  return useMutation({
    mutationFn: (invitationId: string) => api.members.withdrawInvitation({ params: { id: invitationId } }, { tenantId }),
    onSuccess: refresh,
  });
}

export function useChangeMemberRoleMutation(tenantId: string) {
  const refresh = useRefreshMembers(tenantId);
  return useMutation({
    mutationFn: ({ memberId, role }: { memberId: string; role: MemberRole }) =>
      api.members.update({ params: { id: memberId }, body: { role } }, { tenantId }),
    onSuccess: refresh,
  });
}

export function useRemoveMemberMutation(tenantId: string) {
  const refresh = useRefreshMembers(tenantId);
  return useMutation({
    mutationFn: (memberId: string) => api.members.remove({ params: { id: memberId } }, { tenantId }),
    onSuccess: refresh,
  });
}
