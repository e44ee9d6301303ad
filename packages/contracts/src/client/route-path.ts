import type { RouteContract } from "../routes/define-route.ts";

type QueryValue = string | number | boolean | Date | null | undefined;

/** A request the client could not build: a missing path parameter or a query value it cannot send. */
export class InvalidRequestError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "InvalidRequestError";
  }
}

const asQueryText = (key: string, value: QueryValue): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") throw new InvalidRequestError(`Query parameter '${key}' must be a plain value or a list of them, not an object.`);
  return String(value);
};

/**
 * The query string for a route: absent values are left out, lists repeat their key
 * (?status=a&status=b), dates are sent as ISO timestamps. Empty when nothing is left.
 */
export function serializeQuery(query: object | undefined): string {
  if (!query) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      const text = asQueryText(key, item as QueryValue);
      if (text !== undefined) search.append(key, text);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The route's path (under /api/v1) with its `:name` parameters filled in and encoded, plus the query. */
export function routePath(route: Pick<RouteContract, "path">, params?: object, query?: object): string {
  const values = (params ?? {}) as Record<string, unknown>;
  const path = route.path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined || value === null || value === "") {
      throw new InvalidRequestError(`Path parameter '${name}' of ${route.path} is missing.`);
    }
    return encodeURIComponent(String(value));
  });
  return path + serializeQuery(query);
}
