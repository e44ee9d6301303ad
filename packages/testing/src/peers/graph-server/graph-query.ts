// The OData query options the test server understands as Graph does for directory objects:
// $filter with `eq` on the documented properties, $select, $top and @odata.nextLink paging.
import { findProperty, type GraphMetadata } from "./graph-metadata.ts";
import { badRequest, GraphFault } from "./graph-fault.ts";

/** Graph answers $top above 999 with 400. */
export const MAX_PAGE_SIZE = 999;

export interface EqualsFilter {
  property: string;
  value: string;
}

const EQUALS = /^\s*([A-Za-z]+)\s+eq\s+'((?:[^']|'')*)'\s*$/;

/** `userPrincipalName eq 'o''brien@x'` -> { property, value: "o'brien@x" }; other clauses are refused as Graph refuses them. */
export function parseEqualsFilter(filter: string, filterable: readonly string[], resource: string): EqualsFilter {
  const match = EQUALS.exec(filter);
  if (!match) {
    throw new GraphFault(400, "BadRequest", `Invalid filter clause: the test server (as Graph for ${resource}) supports "<property> eq '<value>'" only, got: ${filter}`);
  }
  const [, property, quoted] = match;
  if (!filterable.includes(property!)) {
    throw new GraphFault(400, "Request_UnsupportedQuery", `Unsupported or invalid query filter clause specified for property '${property}' of resource '${resource}'.`);
  }
  return { property: property!, value: quoted!.replaceAll("''", "'") };
}

/** The $select list, each name checked against the type as Graph does. */
export function parseSelect(metadata: GraphMetadata, typeName: string, select: string | null): string[] | undefined {
  if (select === null) return undefined;
  const names = select.split(",").map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    if (!findProperty(metadata, typeName, name)) throw badRequest(`Could not find a property named '${name}' on type '${typeName}'.`);
  }
  return names;
}

export function pageSizeOf(query: URLSearchParams, fallback: number): number {
  const top = query.get("$top");
  if (top === null) return fallback;
  const size = Number(top);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw badRequest(`Invalid page size specified: '${top}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`);
  return size;
}

/** One page of `items` and the nextLink that keeps the other query options, as Graph's does. */
export function page<Item>(items: Item[], query: URLSearchParams, requestUrl: string, fallbackSize: number): { value: Item[]; "@odata.nextLink"?: string } {
  const size = pageSizeOf(query, fallbackSize);
  const token = query.get("$skiptoken");
  const offset = token === null ? 0 : Number(Buffer.from(token, "base64url").toString("utf8"));
  if (!Number.isInteger(offset) || offset < 0) throw badRequest(`The $skiptoken '${token}' is not valid.`);
  const value = items.slice(offset, offset + size);
  if (offset + size >= items.length) return { value };
  const next = new URL(requestUrl);
  next.searchParams.set("$skiptoken", Buffer.from(String(offset + size)).toString("base64url"));
  return { value, "@odata.nextLink": next.toString() };
}
