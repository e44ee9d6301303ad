import { memberSchema, sentInvitationSchema, type MemberRole } from "@idlife/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api/api-client.ts";
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
    mutationFn: (request: InviteRequest) => apiRequest("/members", { method: "POST", tenantId, body: request, schema: sentInvitationSchema }),
    onSuccess: refresh,
  });
}

export function useWithdrawInvitationMutation(tenantId: string) {
  const refresh = useRefreshMembers(tenantId);
  return useMutation({
    mutationFn: (invitationId: string) => apiRequest(`/members/invitations/${encodeURIComponent(invitationId)}`, { method: "DELETE", tenantId }),
    onSuccess: refresh,
  });
}

export function useChangeMemberRoleMutation(tenantId: string) {
  const refresh = useRefreshMembers(tenantId);
  return useMutation({
    mutationFn: ({ memberId, role }: { memberId: string; role: MemberRole }) =>
      apiRequest(`/members/${encodeURIComponent(memberId)}`, { method: "PATCH", tenantId, body: { role }, schema: memberSchema }),
    onSuccess: refresh,
  });
}

export function useRemoveMemberMutation(tenantId: string) {
  const refresh = useRefreshMembers(tenantId);
  return useMutation({
    mutationFn: (memberId: string) => apiRequest(`/members/${encodeURIComponent(memberId)}`, { method: "DELETE", tenantId }),
    onSuccess: refresh,
  });
}
