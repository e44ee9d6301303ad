// A real SCIM 2.0 service for the tests of one file: the scimmy packages (filters, PATCH, errors,
// paging as RFC 7644 describes them, written by others) over an in-memory store, on 127.0.0.1 at a
// free port. It keeps a log of every request, so a test can prove that a preview wrote nothing,
// and it can be told to throttle (429 + Retry-After) like a busy SaaS application.
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import SCIMMYRouters from "scimmy-routers";
import { afterAll, beforeAll } from "vitest";
import { declareScimResources, ScimStore, type ScimRecord } from "./scim-store.ts";

export interface ScimRequestLogEntry {
  method: string;
  /** The path below the base URL, with its query string: "/Users?filter=userName%20eq%20%22x%22". */
  path: string;
  body: unknown;
}

export interface ScimServerOptions {
  /** The bearer token it accepts; a random one by default. */
  token?: string;
  /** Also accept HTTP basic authentication with these credentials. */
  basic?: { username: string; password: string };
}

export interface ScimServer {
  /** The SCIM base URL, http://127.0.0.1:<port>/scim/v2. */
  url: string;
  token: string;
  /** Every request received, in order (throttled and refused ones included). */
  requests: ScimRequestLogEntry[];
  /** The service's users and groups by id, read directly (the test's own view). */
  users: Map<string, ScimRecord>;
  groups: Map<string, ScimRecord>;
  /** Answers the next `count` requests 429 Too Many Requests with Retry-After: 1. */
  throttle(count: number): void;
  stop(): Promise<void>;
}

const BASE_PATH = "/scim/v2";
const SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
const PAGING_PARAMETERS = new Set(["startIndex", "count"]);
const WRITING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The requests that would change something (a preview must send none). */
export function writingRequests(requests: readonly ScimRequestLogEntry[]): ScimRequestLogEntry[] {
  return requests.filter((request) => WRITING_METHODS.has(request.method));
}

const CORE_SCHEMAS = new Map([
  ["/Users", "urn:ietf:params:scim:schemas:core:2.0:User"],
  ["/Groups", "urn:ietf:params:scim:schemas:core:2.0:Group"],
]);

/**
 * RFC 7643 section 3 makes "schemas" required on every resource; scimmy accepts a POST or PUT
 * without it, but real services refuse one, so this service does too.
 */
function missingSchema(method: string, path: string, body: unknown): string | undefined {
  if (method !== "POST" && method !== "PUT") return undefined;
  // "/Users" for POST /Users and PUT /Users/{id}.
  const schema = CORE_SCHEMAS.get(`/${path.split("/")[1] ?? ""}`);
  if (schema === undefined) return undefined;
  const schemas = (body as { schemas?: unknown } | undefined)?.schemas;
  return Array.isArray(schemas) && schemas.includes(schema) ? undefined : schema;
}

export async function startScimServer(options: ScimServerOptions = {}): Promise<ScimServer> {
  declareScimResources();
  const token = options.token ?? randomBytes(18).toString("base64url");
  const store = new ScimStore();
  const requests: ScimRequestLogEntry[] = [];
  let throttled = 0;

  const app = express();
  // Express 5 parses req.query anew on every read, so scimmy-routers' cast of startIndex and count
  // to numbers does not stick and paging would be ignored: the parser casts them itself.
  app.set("query parser", (query: string) => {
    const entries = [...new URLSearchParams(query)].map(([key, value]) => [key, PAGING_PARAMETERS.has(key) && /^\d+$/.test(value) ? Number(value) : value]);
    return Object.fromEntries(entries);
  });
  app.use(BASE_PATH, express.json({ type: ["application/scim+json", "application/json"], limit: "1mb" }));
  app.use(BASE_PATH, (request, response, next) => {
    requests.push({ method: request.method, path: request.url, body: request.body });
    if (throttled > 0) {
      throttled -= 1;
      response.status(429).set("Retry-After", "1").type("application/scim+json");
      response.send({ schemas: [SCIM_ERROR_SCHEMA], status: "429", detail: "Too many requests: try again in 1 second" });
      return;
    }
    const missing = missingSchema(request.method, request.path, request.body);
    if (missing !== undefined) {
      response.status(400).type("application/scim+json");
      response.send({ schemas: [SCIM_ERROR_SCHEMA], status: "400", scimType: "invalidSyntax", detail: `the resource's "schemas" must include ${missing}` });
      return;
    }
    next();
  });
  const expectedBasic =
    options.basic === undefined ? undefined : `Basic ${Buffer.from(`${options.basic.username}:${options.basic.password}`).toString("base64")}`;
  app.use(
    BASE_PATH,
    new SCIMMYRouters({
      type: "bearer",
      docUri: "https://datatracker.ietf.org/doc/html/rfc6750",
      handler: (request) => {
        const authorization = request.header("authorization");
        if (authorization === `Bearer ${token}` || (expectedBasic !== undefined && authorization === expectedBasic)) return "test-client";
        throw new Error("The access token is missing or not valid");
      },
      context: () => store,
    }),
  );

  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE_PATH}`;
  return {
    url,
    token,
    requests,
    users: store.users,
    groups: store.groups,
    throttle(count) {
      throttled = count;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A SCIM service for the test file, started before its tests and stopped after them. */
export function useScimServer(options: ScimServerOptions = {}): ScimServer {
  let peer: ScimServer | undefined;
  beforeAll(async () => {
    peer = await startScimServer(options);
  });
  afterAll(async () => peer?.stop());
  const current = () => {
    if (peer === undefined) throw new Error("The SCIM test service starts in beforeAll: use it inside a test or hook.");
    return peer;
  };
  return {
    get url() {
      return current().url;
    },
    get token() {
      return current().token;
    },
    get requests() {
      return current().requests;
    },
    get users() {
      return current().users;
    },
    get groups() {
      return current().groups;
    },
    throttle: (count) => current().throttle(count),
    stop: () => current().stop(),
  };
}
