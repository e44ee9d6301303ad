import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api/api.ts";
import { useApiQuery } from "../../../lib/api/api-queries.ts";
import { authKeys } from "./auth-keys.ts";

/** Invitations addressed to the signed-in person (none while their address is unverified). */
export function usePendingInvitationsQuery() {
  return useApiQuery(authKeys.invitations(), (call) => api.invitations.list(undefined, call));
}

/** Accepting adds a tenant, declining removes an invitation: both change who the person is. */
export function useAnswerInvitationMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ invitationId, answer }: { invitationId: string; answer: "accept" | "decline" }): Promise<void> => {
      if (answer === "accept") await api.invitations.accept({ params: { id: invitationId } });
      else await api.invitations.decline({ params: { id: invitationId } });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: authKeys.all }),
  });
}
