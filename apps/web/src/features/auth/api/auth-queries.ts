import {
  type CurrentUser,
  type SignInRequest,
  type SignUpRequest,
  type passwordResetConfirmSchema,
  type passwordResetRequestSchema,
} from "@idlife/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { isUnauthorized } from "../../../lib/api/api-error.ts";
import { useApiQuery } from "../../../lib/api/api-queries.ts";
import { authKeys } from "./auth-keys.ts";

/** The signed-in person, or null when there is no session. */
export function useCurrentUserQuery() {
  return useApiQuery(
    authKeys.currentUser(),
    async (call): Promise<CurrentUser | null> => {
      try {
        return await api.auth.me(undefined, call);
      } catch (error) {
        if (isUnauthorized(error)) return null;
        throw error;
      }
    },
    { staleTime: 5 * 60_000 },
  );
}

export function useAuthConfigQuery() {
  return useApiQuery(authKeys.config(), (call) => api.auth.configuration(undefined, call), { staleTime: Infinity });
}

/** Starts a fresh cache for the new session so nothing of a previous person lingers. */
function useStartSession() {
  const queryClient = useQueryClient();
  return (user: CurrentUser) => {
    queryClient.clear();
    queryClient.setQueryData(authKeys.currentUser(), user);
  };
}

export function useSignInMutation() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: (request: SignInRequest) =>
      api.auth.signIn({ body: request }),
    onSuccess: startSession,
  });
}

/** Signing up opens no session: the owner continues through the link mailed to them. */
export function useSignUpMutation() {
  return useMutation({
    mutationFn: (request: SignUpRequest) =>
      api.auth.signUp({ body: request }),
  });
}

export function useSignOutMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.auth.signOut(),
    // Dropping the user makes RequireSignedIn send the person to /sign-in; the session's other
    // data goes too, so nothing of it stays in memory of a signed-out tab.
    onSettled: () => {
      queryClient.setQueryData(authKeys.currentUser(), null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
    },
  });
}

export function usePasswordResetRequestMutation() {
  return useMutation({
    mutationFn: (request: z.input<typeof passwordResetRequestSchema>) =>
      api.auth.requestReset({ body: request }),
  });
}

export function usePasswordResetConfirmMutation() {
  return useMutation({
    mutationFn: (request: z.input<typeof passwordResetConfirmSchema>) =>
      api.auth.confirmReset({ body: request }),
  });
}
