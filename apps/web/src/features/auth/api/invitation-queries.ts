import { pendingInvitationSchema, tenantMembershipSchema } from "@idlife/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, listOf } from "../../../lib/api/api-client.ts";
import { authKeys } from "./auth-keys.ts";

/** Invitations addressed to the signed-in person (none while their address is unverified). */
export function usePendingInvitationsQuery() {
  return useQuery({
    queryKey: authKeys.invitations(),
    queryFn: ({ signal }) => apiRequest("/invitations", { schema: listOf(pendingInvitationSchema), signal }),
  });
}

/** Accepting adds a tenant, declining removes an invitation: both change who the person is. */
export function useAnswerInvitationMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ invitationId, answer }: { invitationId: string; answer: "accept" | "decline" }): Promise<void> => {
      if (answer === "accept") await apiRequest(`/invitations/${invitationId}/accept`, { method: "POST", schema: tenantMembershipSchema });
      else await apiRequest(`/invitations/${invitationId}/decline`, { method: "POST" });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: authKeys.all }),
  });
}
