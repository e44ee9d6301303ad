import type { z } from "zod";
import { apiRoutes } from "../routes/api-routes.ts";
import type { HttpMethod, RouteContract, RouteGroup } from "../routes/define-route.ts";
import { InvalidRequestError, routePath } from "./route-path.ts";

/** What the client asks its fetcher to send; the fetcher adds the base URL, headers and credentials. */
export interface ApiRequest {
  route: RouteContract;
  method: HttpMethod;
  /** Path under /api/v1 with parameters filled in and the query appended. */
  path: string;
  /** JSON body, when the route has one. */
  body?: unknown;
}

/**
 * Sends a request and resolves with the answer's JSON (undefined for an empty answer), or rejects
 * with the caller's own error for a failed status. `options` are passed through untouched
 * (the portal's tenant and abort signal, a test's credentials).
 */
export type ApiFetcher<TOptions> = (request: ApiRequest, options: TOptions | undefined) => Promise<unknown>;

/** The answer did not match the route's response schema: the API and its caller disagree. */
export class InvalidResponseError extends Error {
  readonly route: RouteContract;
  constructor(route: RouteContract, cause: z.ZodError) {
    super(`The answer of ${route.method} ${route.path} does not match its contract: ${cause.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ")}`, { cause });
    this.name = "InvalidResponseError";
    this.route = route;
  }
}

export interface ApiClientConfig {
  /** Check bodies against the route's schema before sending (the API checks them anyway). */
  validateBodies?: boolean;
  /** The error to throw when an answer does not match its schema (default InvalidResponseError). */
  invalidResponse?: (route: RouteContract, error: z.ZodError, request: ApiRequest) => Error;
}

type InputOf<TSchema> = TSchema extends z.ZodType ? z.input<TSchema> : never;
type Part<TKey extends string, TSchema, TOptional extends boolean> = TSchema extends z.ZodType
  ? TOptional extends true
    ? { [K in TKey]?: InputOf<TSchema> }
    : { [K in TKey]: InputOf<TSchema> }
  : unknown;

export type RouteInput<TRoute extends RouteContract> = Part<"params", TRoute["params"], false> &
  Part<"query", TRoute["query"], true> &
  Part<"body", TRoute["body"], false>;

export type RouteParams<TRoute extends RouteContract> = InputOf<TRoute["params"]>;
export type RouteQuery<TRoute extends RouteContract> = InputOf<TRoute["query"]>;

export type RouteOutput<TRoute extends RouteContract> = TRoute["response"] extends z.ZodType ? z.output<TRoute["response"]> : void;

type NeedsInput<TRoute extends RouteContract> = TRoute["params"] extends z.ZodType ? true : TRoute["body"] extends z.ZodType ? true : false;

export type RouteCall<TRoute extends RouteContract, TOptions> =
  NeedsInput<TRoute> extends true
    ? (input: RouteInput<TRoute>, options?: TOptions) => Promise<RouteOutput<TRoute>>
    : (input?: RouteInput<TRoute>, options?: TOptions) => Promise<RouteOutput<TRoute>>;

export type GroupClient<TGroup extends RouteGroup, TOptions> = { [K in keyof TGroup]: RouteCall<TGroup[K], TOptions> };

/** Builds the request for one route call; exported for file uploads and downloads that bypass JSON. */
export function buildApiRequest(route: RouteContract, input: { params?: object; query?: object; body?: unknown } = {}, config: ApiClientConfig = {}): ApiRequest {
  if (config.validateBodies && route.body) {
    const parsed = route.body.safeParse(input.body);
    if (!parsed.success) throw new InvalidRequestError(`The body for ${route.method} ${route.path} is not valid: ${parsed.error.message}`, { cause: parsed.error });
  }
  // The body goes as given (not as parsed): the API applies its own defaults.
  return { route, method: route.method, path: routePath(route, input.params, input.query), ...(route.body ? { body: input.body } : {}) };
}

/** One client method per route of a group. */
export function createGroupClient<TGroup extends RouteGroup, TOptions>(group: TGroup, fetcher: ApiFetcher<TOptions>, config: ApiClientConfig = {}): GroupClient<TGroup, TOptions> {
  const client: Record<string, unknown> = {};
  for (const [name, route] of Object.entries(group)) {
    client[name] = async (input: { params?: object; query?: object; body?: unknown } | undefined, options?: TOptions) => {
      const request = buildApiRequest(route, input, config);
      const answer = await fetcher(request, options);
      if (!route.response) return undefined;
      const parsed = route.response.safeParse(answer);
      if (!parsed.success) throw (config.invalidResponse ?? ((failed, error) => new InvalidResponseError(failed, error)))(route, parsed.error, request);
      return parsed.data;
    };
  }
  return client as GroupClient<TGroup, TOptions>;
}

export type ApiClient<TOptions> = { [K in keyof typeof apiRoutes]: GroupClient<(typeof apiRoutes)[K], TOptions> };

/**
 * The typed client of the whole API: `client.persons.list({ query }, options)` builds the path from
 * the route, sends it through `fetcher` and parses the answer with the route's response schema.
 */
export function createApiClient<TOptions = undefined>(fetcher: ApiFetcher<TOptions>, config: ApiClientConfig = {}): ApiClient<TOptions> {
  const client: Record<string, unknown> = {};
  for (const [area, group] of Object.entries(apiRoutes)) client[area] = createGroupClient(group, fetcher, config);
  return client as ApiClient<TOptions>;
}
