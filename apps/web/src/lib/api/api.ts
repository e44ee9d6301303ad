import { createApiClient } from "@idlife/contracts";
import { apiFetch } from "./api-client.ts";
import { UnexpectedResponseError } from "./api-error.ts";

/** Per call: the tenant the person chose in the switcher (tenant routes need it) and TanStack Query's abort signal. */
export interface ApiCallOptions {
  tenantId?: string;
  signal?: AbortSignal;
}

/**
 * The portal's typed API client, derived from the routes in @idlife/contracts:
 * `api.persons.get({ params: { id } }, { tenantId, signal })`. Paths, query strings and answer
 * checks all come from the route; no feature writes a path by hand.
 */
export const api = createApiClient<ApiCallOptions>(
  (request, options) => apiFetch(request.path, { method: request.method, body: request.body, tenantId: options?.tenantId, signal: options?.signal }),
  {
    invalidResponse: (route, error) => {
      console.error(`Unexpected answer from ${route.method} ${route.path}`, error);
      return new UnexpectedResponseError(route.path, error);
    },
  },
);
