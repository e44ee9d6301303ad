import type { z } from "zod";
import { idParamsSchema } from "../common.ts";

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

/** What a route takes and answers, besides its method, path and summary. */
export type RouteSchemas = Pick<RouteContract, "params" | "query" | "body" | "response">;

/** The names of a path's parameters as a type, e.g. "/persons/:id/accounts/:targetSystemId" gives "id" | "targetSystemId". */
type PathParameterName<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParameterName<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

/** Most routes address one record by its `:id`: they take idParamsSchema unless they declare their own params. */
type IdParams<Path extends string, Schemas> = Schemas extends { params: z.ZodType }
  ? unknown
  : [PathParameterName<Path>] extends [never]
    ? unknown
    : [PathParameterName<Path>] extends ["id"]
      ? { params: typeof idParamsSchema }
      : unknown;

const takesIdOnly = (path: string) => pathParameterNames(path).join() === "id";

/** A builder for one HTTP method: `route.get("/persons/:id", "One person", { response: personSchema })`. */
function routeBuilder<const Method extends HttpMethod>(method: Method) {
  return <const Path extends string, const Summary extends string, const Schemas extends RouteSchemas = {}>(
    path: Path,
    summary: Summary,
    schemas?: Schemas,
  ): { method: Method; path: Path; summary: Summary } & IdParams<Path, Schemas> & Schemas =>
    ({ method, path, summary, ...(schemas?.params || !takesIdOnly(path) ? {} : { params: idParamsSchema }), ...schemas }) as never;
}

/** Routes in one line each: the method is the builder, and a path whose only parameter is `:id` gets idParamsSchema. */
export const route = {
  get: routeBuilder("GET"),
  post: routeBuilder("POST"),
  put: routeBuilder("PUT"),
  patch: routeBuilder("PATCH"),
  delete: routeBuilder("DELETE"),
};

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
