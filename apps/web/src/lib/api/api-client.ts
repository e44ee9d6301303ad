import { NetworkError, toApiError } from "./api-error.ts";

export const API_BASE = "/api/v1";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiFetchOptions {
  method?: Method;
  /** Sent as JSON. */
  body?: unknown;
  /** Tenant-scoped endpoints need the tenant the person chose in the switcher. */
  tenantId?: string;
  signal?: AbortSignal;
}

/** Builds the headers the API expects; exported so the rules are testable without fetch. */
export function buildHeaders(method: Method, options: { tenantId?: string; hasBody: boolean }): Headers {
  const headers = new Headers({ Accept: "application/json" });
  // The API's CSRF guard rejects any state-changing request without this header; browsers never
  // add it to cross-site form posts, which is the point.
  if (method !== "GET") headers.set("X-Requested-With", "idlife");
  if (options.hasBody) headers.set("Content-Type", "application/json");
  if (options.tenantId) headers.set("X-Tenant-Id", options.tenantId);
  return headers;
}

/**
 * Sends one request to the API and resolves with its JSON answer (undefined when empty); a failed
 * status becomes an ApiError with the server's code and message. The typed client (api.ts) checks
 * the answer against the route's schema.
 */
export async function apiFetch(path: string, options: ApiFetchOptions = {}): Promise<unknown> {
  const method = options.method ?? "GET";
  const hasBody = options.body !== undefined;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      credentials: "same-origin",
      headers: buildHeaders(method, { tenantId: options.tenantId, hasBody }),
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new NetworkError(error);
  }
  if (!response.ok) throw toApiError(response.status, await readJson(response));
  return readJson(response);
}

export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
