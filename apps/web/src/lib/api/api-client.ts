import { z } from "zod";
import { NetworkError, UnexpectedResponseError, toApiError } from "./api-error.ts";

export const API_BASE = "/api/v1";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiRequestOptions<TSchema extends z.ZodType | undefined> {
  method?: Method;
  /** Sent as JSON. */
  body?: unknown;
  /** Tenant-scoped endpoints need the tenant the person chose in the switcher. */
  tenantId?: string;
  /** Validates the answer; leave out for answers without a body (204, 202). */
  schema?: TSchema;
  signal?: AbortSignal;
}

type ApiResult<TSchema> = TSchema extends z.ZodType ? z.output<TSchema> : void;

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

export async function apiRequest<TSchema extends z.ZodType | undefined = undefined>(
  path: string,
  options: ApiRequestOptions<TSchema> = {},
): Promise<ApiResult<TSchema>> {
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

  if (!response.ok) {
    throw toApiError(response.status, await readJson(response));
  }
  if (!options.schema) return undefined as ApiResult<TSchema>;

  const parsed = options.schema.safeParse(await readJson(response));
  if (!parsed.success) {
    console.error(`Unexpected answer from ${method} ${path}`, parsed.error);
    throw new UnexpectedResponseError(path, parsed.error);
  }
  return parsed.data as ApiResult<TSchema>;
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

/**
 * List endpoints answer either a bare array or `{ items }`; the contracts have no list schema yet,
 * so accept both and hand callers a plain array.
 */
export function listOf<TItem extends z.ZodType>(item: TItem) {
  return z
    .union([z.array(item), z.object({ items: z.array(item) })])
    .transform((value) => (Array.isArray(value) ? value : value.items));
}
