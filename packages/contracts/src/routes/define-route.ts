import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One API route as both sides see it: the API validates with these schemas and documents them in
 * OpenAPI; the portal's client builds the request and checks the answer with the same ones.
 * The path is relative to /api/v1, with `:name` for path parameters.
 */
export interface RouteContract {
  method: HttpMethod;
  path: string;
  summary: string;
  tags?: readonly string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
}

/** Keeps the literal method, path and schema types so the client can be typed from them. */
export function defineRoute<const TRoute extends RouteContract>(route: TRoute): TRoute {
  return route;
}

/** A named group of routes, one per area (persons, audit log, ...). */
export type RouteGroup = Readonly<Record<string, RouteContract>>;

/** The routes of one area, each filed in the OpenAPI document under the area's tags. */
export function defineRoutes<const TRoutes extends Record<string, Omit<RouteContract, "tags">>>(
  tags: readonly string[],
  routes: TRoutes,
): { readonly [Name in keyof TRoutes]: TRoutes[Name] & { tags: readonly string[] } } {
  return Object.fromEntries(Object.entries(routes).map(([name, route]) => [name, { ...route, tags }])) as never;
}

/** Every path parameter name in a route path, e.g. "/persons/:id/history" gives "id". */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);
}
