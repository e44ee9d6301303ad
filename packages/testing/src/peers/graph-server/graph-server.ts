// A Graph-shaped test server standing in for https://graph.microsoft.com/v1.0 and the Microsoft
// identity platform's token endpoint: no real Entra tenant is reachable from the tests, so this
// server refuses every request that Graph would refuse (bodies checked against Microsoft's
// published metadata, documented required fields, bearer tokens) and throttles writes at Graph's
// published rate (scaled down by the tests), with a request log the tests read.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { GraphFault, graphErrorBody } from "./graph-fault.ts";
import { loadGraphMetadata, type GraphMetadata } from "./graph-metadata.ts";
import { handleRelationRoutes } from "./graph-relation-routes.ts";
import type { GraphReply, GraphRequestContext } from "./graph-request-context.ts";
import { seedGraphStore, type GraphSeed, type GraphStore } from "./graph-store.ts";
import { issueToken, tokenProblem, type TokenIssuer } from "./graph-token.ts";
import { handleUserRoutes } from "./graph-user-routes.ts";
import { usePeer } from "../use-peer.ts";

export interface GraphServerOptions extends GraphSeed {
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /**
   * Graph's published limit for identity writes: 3,000 per 150 s per application and tenant,
   * counted in fixed windows (rate-limiter-flexible); a write over it gets 429 with Retry-After
   * set to the seconds until the window ends.
   */
  writeLimit?: { writes: number; perSeconds: number };
  /** Page size without $top (Graph: 100 for users). */
  pageSize?: number;
  /** Verified domains; the first is the tenant's default. */
  domains?: string[];
  tokenLifetimeSeconds?: number;
}

export interface GraphRequestRecord {
  method: string;
  /** The path as requested, e.g. /v1.0/users or /{tenant}/oauth2/v2.0/token. */
  path: string;
  query: URLSearchParams;
  /** The parsed body, with passwords and client secrets replaced by "[redacted]". */
  body: unknown;
  status: number;
}

export interface GraphServer extends GraphStore {
  /** Stands in for https://graph.microsoft.com/v1.0 */
  url: string;
  /** Stands in for https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token */
  tokenUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The tenant's default verified domain (userPrincipalName must end in a verified one). */
  domain: string;
  requests: GraphRequestRecord[];
  /** Makes every issued token expired, as if an hour had passed. */
  expireTokens(): void;
  /** The next `count` Graph requests fail with `status` (503, 500, ...), as during an outage. */
  failNext(count: number, status: number, retryAfterSeconds?: number): void;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
const WRITE_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);

async function readBody(request: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of request) {
    text += chunk;
    if (text.length > MAX_BODY_BYTES) throw new GraphFault(413, "Request_EntityTooLarge", "The request body is too large.");
  }
  return text;
}

function redacted(body: unknown): unknown {
  if (body instanceof URLSearchParams) {
    const form = new URLSearchParams(body);
    if (form.has("client_secret")) form.set("client_secret", "[redacted]");
    return form;
  }
  const profile = (body as { passwordProfile?: { password?: unknown } } | null)?.passwordProfile;
  if (profile && typeof profile === "object" && "password" in profile) return { ...(body as object), passwordProfile: { ...profile, password: "[redacted]" } };
  return body;
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new GraphFault(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
  }
}

export async function startGraphServer(options: GraphServerOptions = {}): Promise<GraphServer> {
  const metadata: GraphMetadata = await loadGraphMetadata();
  const store = seedGraphStore(options);
  const issuer: TokenIssuer = {
    tenantId: options.tenantId ?? randomUUID(),
    clientId: options.clientId ?? randomUUID(),
    clientSecret: options.clientSecret ?? `secret-${randomUUID()}`,
    lifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    tokens: new Map(),
  };
  const limit = options.writeLimit ?? { writes: 3000, perSeconds: 150 };
  const limiter = new RateLimiterMemory({ points: limit.writes, duration: limit.perSeconds });
  const domains = options.domains ?? ["idlife-test.onmicrosoft.com"];
  const requests: GraphRequestRecord[] = [];
  const outage = { remaining: 0, status: 503, retryAfterSeconds: undefined as number | undefined };
  let origin = "";

  const route = async (request: IncomingMessage, url: URL, text: string, record: GraphRequestRecord): Promise<GraphReply> => {
    const method = request.method ?? "GET";
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (token && method === "POST") {
      const form = new URLSearchParams(text);
      record.body = redacted(form);
      return issueToken(issuer, decodeURIComponent(token[1]!), form);
    }
    if (!url.pathname.startsWith("/v1.0/")) throw new GraphFault(404, "NotFound", `No route for ${url.pathname}: Graph v1.0 lives under /v1.0.`);
    const body = parseJson(text);
    record.body = redacted(body);
    const problem = tokenProblem(issuer, request.headers.authorization);
    if (problem) throw new GraphFault(401, "InvalidAuthenticationToken", problem);
    if (outage.remaining > 0) {
      outage.remaining -= 1;
      const headers: Record<string, string> = outage.retryAfterSeconds === undefined ? {} : { "retry-after": String(outage.retryAfterSeconds) };
      throw new GraphFault(outage.status, outage.status === 503 ? "serviceNotAvailable" : "generalException", "The service is temporarily unavailable.", headers);
    }
    if (WRITE_METHODS.has(method)) {
      try {
        await limiter.consume("writes");
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new GraphFault(429, "TooManyRequests", "Application or user has been throttled.", { "retry-after": String(seconds) });
      }
    }
    const context: GraphRequestContext = {
      method,
      segments: url.pathname.slice("/v1.0/".length).split("/").filter(Boolean).map(decodeURIComponent),
      query: url.searchParams,
      body,
      requestUrl: url.toString(),
      baseUrl: `${origin}/v1.0`,
      metadata,
      store,
      pageSize: options.pageSize ?? 100,
      domains,
    };
    const reply = handleUserRoutes(context) ?? handleRelationRoutes(context);
    if (!reply) throw new GraphFault(400, "BadRequest", `Resource not found for the segment '${context.segments.at(-1) ?? ""}' (${method} ${url.pathname}).`);
    return reply;
  };

  const respond = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, body === undefined ? headers : { "content-type": "application/json; charset=utf-8", ...headers });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", origin);
    const record: GraphRequestRecord = { method: request.method ?? "GET", path: url.pathname, query: url.searchParams, body: undefined, status: 0 };
    requests.push(record);
    readBody(request)
      .then((text) => route(request, url, text, record))
      .then(
        (reply) => {
          record.status = reply.status;
          respond(response, reply.status, reply.body);
        },
        (error: unknown) => {
          const fault = error instanceof GraphFault ? error : new GraphFault(500, "InternalServerError", `The test server failed: ${String(error)}`);
          record.status = fault.status;
          respond(response, fault.status, graphErrorBody(fault.code, fault.message), fault.headers);
        },
      );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...store,
    url: `${origin}/v1.0`,
    tokenUrl: `${origin}/${issuer.tenantId}/oauth2/v2.0/token`,
    tenantId: issuer.tenantId,
    clientId: issuer.clientId,
    clientSecret: issuer.clientSecret,
    domain: domains[0]!,
    requests,
    expireTokens: () => {
      for (const token of issuer.tokens.keys()) issuer.tokens.set(token, 0);
    },
    failNext: (count, status, retryAfterSeconds) => Object.assign(outage, { remaining: count, status, retryAfterSeconds }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One Graph test server for the tests of a file: started before them, stopped after. */
export const useGraphServer = (options: GraphServerOptions = {}) => usePeer("server", () => startGraphServer(options), 30_000);
