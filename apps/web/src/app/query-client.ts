import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError, UnexpectedResponseError, isUnauthorized } from "../lib/api/api-error.ts";
import { authKeys } from "../features/auth/api/auth-keys.ts";

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: endSessionOnUnauthorized }),
    mutationCache: new MutationCache({ onError: endSessionOnUnauthorized }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
      },
      mutations: { retry: false },
    },
  });

  /**
   * A 401 anywhere means the session is gone (expired, revoked, signed out in another tab).
   * Emptying the current user lets RequireSignedIn send the person to /sign-in.
   */
  function endSessionOnUnauthorized(error: Error) {
    if (isUnauthorized(error)) queryClient.setQueryData(authKeys.currentUser(), null);
  }

  return queryClient;
}

/** Retry what may pass on a second try (network, 5xx); a 4xx or a misunderstood answer will not. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  if (error instanceof UnexpectedResponseError) return false;
  return failureCount < 2;
}
