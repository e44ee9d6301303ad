import { ConnectorError } from "../../connector-error.ts";
import type { ScimTransport } from "./scim-transport.ts";

export type ScimResource = Record<string, unknown> & { id: string };

export interface ScimListQuery {
  filter?: string;
  /** Comma-separated attributes to return (RFC 7644 3.4.2.5): less to send for lookups that only need ids. */
  attributes?: string;
}

export interface ScimListPage {
  resources: ScimResource[];
  totalResults: number;
  /** The startIndex of the page after this one; undefined when this was the last. */
  next?: number;
}

/** A guard against a service that ignores startIndex and sends the same page forever. */
const MAX_PAGES = 10_000;

function listPath(endpoint: string, query: ScimListQuery, startIndex: number, count: number): string {
  const parameters = new URLSearchParams();
  if (query.filter !== undefined) parameters.set("filter", query.filter);
  if (query.attributes !== undefined) parameters.set("attributes", query.attributes);
  parameters.set("startIndex", String(startIndex));
  parameters.set("count", String(count));
  // URLSearchParams writes spaces as "+", which some SCIM services read literally inside filters.
  return `${endpoint}?${parameters.toString().replace(/\+/g, "%20")}`;
}

/** One page of a list (RFC 7644 3.4.2.4: startIndex counts from 1). */
export async function readListPage(transport: ScimTransport, endpoint: string, query: ScimListQuery, startIndex: number, count: number): Promise<ScimListPage> {
  const path = listPath(endpoint, query, startIndex, count);
  const answer = await transport.send("GET", path);
  const body = answer.body as { Resources?: unknown; totalResults?: unknown } | undefined;
  if (answer.status === 404 || body === undefined || typeof body !== "object" || typeof body.totalResults !== "number") {
    throw new ConnectorError("http_status", `GET ${endpoint} did not answer with a SCIM list (status ${answer.status}): check baseUrl`, { status: answer.status });
  }
  const resources = Array.isArray(body.Resources)
    ? body.Resources.filter((resource): resource is ScimResource => resource !== null && typeof resource === "object" && typeof resource.id === "string")
    : [];
  const seen = startIndex - 1 + resources.length;
  return { resources, totalResults: body.totalResults, next: resources.length > 0 && seen < body.totalResults ? startIndex + resources.length : undefined };
}

/** Every resource that matches, page by page. */
export async function readAll(transport: ScimTransport, endpoint: string, query: ScimListQuery, pageSize: number): Promise<ScimResource[]> {
  const all: ScimResource[] = [];
  let startIndex: number | undefined = 1;
  for (let pages = 0; startIndex !== undefined; pages += 1) {
    if (pages >= MAX_PAGES) {
      throw new ConnectorError("too_many_pages", `GET ${endpoint} still had more after ${MAX_PAGES} pages of ${pageSize}: raise pageSize, or the service ignores startIndex`);
    }
    const page: ScimListPage = await readListPage(transport, endpoint, query, startIndex, pageSize);
    all.push(...page.resources);
    startIndex = page.next;
  }
  return all;
}
