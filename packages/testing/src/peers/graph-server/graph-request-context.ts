import type { GraphMetadata } from "./graph-metadata.ts";
import type { GraphStore } from "./graph-store.ts";
import { badRequest } from "./graph-fault.ts";
import { isPlainObject } from "./graph-body-validator.ts";

/** One parsed Graph request, as the route handlers see it. */
export interface GraphRequestContext {
  method: string;
  /** Path segments after /v1.0, decoded: ["users", "x@y", "manager", "$ref"]. */
  segments: string[];
  query: URLSearchParams;
  body: unknown;
  /** The full request URL (nextLinks are built from it). */
  requestUrl: string;
  /** http://127.0.0.1:port/v1.0, standing in for https://graph.microsoft.com/v1.0. */
  baseUrl: string;
  metadata: GraphMetadata;
  store: GraphStore;
  pageSize: number;
  /** The tenant's verified domains: a userPrincipalName must end in one. */
  domains: readonly string[];
}

export interface GraphReply {
  status: number;
  body?: unknown;
}

/** Graph refuses a write without a JSON object body. */
export function objectBody(context: GraphRequestContext): Record<string, unknown> {
  if (!isPlainObject(context.body)) throw badRequest("Write requests (excluding DELETE) must contain the Content-Type header declaration and a JSON object body.");
  return context.body;
}

/** The id at the end of an "@odata.id" reference (…/directoryObjects/{id} or …/users/{id}). */
export function referencedId(context: GraphRequestContext, body: Record<string, unknown>): string {
  const keys = Object.keys(body);
  const reference = body["@odata.id"];
  if (keys.length !== 1 || typeof reference !== "string") throw badRequest(`A reference body must have exactly one property, '@odata.id', got: ${keys.join(", ") || "none"}.`);
  const match = /\/(?:directoryObjects|users)\/([^/?#]+)$/.exec(reference);
  if (!match) throw badRequest(`Invalid object identifier '${reference}'.`);
  return decodeURIComponent(match[1]!);
}
