import type { IncomingMessage } from "node:http";
import { sendJson, startTestServer, type TestServer } from "../helpers/test-server.ts";

export const APP_TOKEN = "app-token-5f1e9c2b7d";

export interface LoggedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

interface User {
  id: string;
  employeeId: string;
  userName: string;
  active: boolean;
  password?: string;
  groups: Set<string>;
}

export interface ScriptAppPeer {
  origin: string;
  log: LoggedRequest[];
  users: Map<string, User>;
  /** The next request answers 429 with this Retry-After (seconds). */
  throttleNext(retryAfterSeconds: number): void;
  /** Requests to /slow wait until the returned function is called. */
  holdSlowRequests(): () => void;
  close(): Promise<void>;
}

/**
 * A small user-management API of the kind a script target is written for: bearer token, users
 * with groups, a lookup by employee id, paging. Every request is logged with its body, so a test
 * sees exactly what reached the application (and that a preview sent no write).
 */
export async function startScriptAppPeer(): Promise<ScriptAppPeer> {
  const log: LoggedRequest[] = [];
  const users = new Map<string, User>();
  let nextId = 1;
  let throttle: number | undefined;
  let slowGate = Promise.resolve();
  const server: TestServer = await startTestServer(async (request, response, url) => {
    const body = await readJson(request);
    log.push({ method: request.method ?? "GET", path: url.pathname + url.search, authorization: request.headers.authorization, body });
    if (throttle !== undefined) {
      const seconds = throttle;
      throttle = undefined;
      return sendJson(response, { error: "slow down" }, 429, { "retry-after": String(seconds) });
    }
    if (request.headers.authorization !== `Bearer ${APP_TOKEN}`) return sendJson(response, { error: "unauthorized", got: request.headers.authorization }, 401);
    const [, collection, id, sub, group] = url.pathname.split("/");
    const user = id === undefined ? undefined : users.get(id);
    const view = (found: User) => ({ id: found.id, employeeId: found.employeeId, userName: found.userName, active: found.active, groups: [...found.groups] });
    if (collection === "slow") await slowGate;
    if (collection === "groups" || collection === "slow") return sendJson(response, [{ id: "g-sales", name: "Sales" }, { id: "g-staff", name: "Staff" }]);
    if (collection !== "users") return sendJson(response, { error: "not found" }, 404);
    if (request.method === "POST" && id === undefined) {
      const input = body as { employeeId: string; userName: string; active: boolean; password?: string };
      const created: User = { ...input, id: `u${nextId++}`, groups: new Set() };
      users.set(created.id, created);
      return sendJson(response, view(created), 201);
    }
    if (request.method === "GET" && id === undefined) {
      const employeeId = url.searchParams.get("employeeId");
      const all = [...users.values()].filter((candidate) => employeeId === null || candidate.employeeId === employeeId);
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 100);
      return sendJson(response, { items: all.slice(offset, offset + limit).map(view), next: offset + limit < all.length ? offset + limit : null });
    }
    if (!user) return sendJson(response, { error: `no user ${id}` }, 404);
    if (request.method === "GET" && sub === undefined) return sendJson(response, view(user));
    if (request.method === "PATCH") Object.assign(user, body);
    else if (request.method === "DELETE" && sub === undefined) users.delete(user.id);
    else if (request.method === "PUT" && sub === "groups" && group) user.groups.add(group);
    else if (request.method === "DELETE" && sub === "groups" && group) user.groups.delete(group);
    return sendJson(response, view(user));
  });
  return {
    origin: server.origin,
    log,
    users,
    throttleNext: (seconds) => (throttle = seconds),
    holdSlowRequests: () => {
      let release = () => {};
      slowGate = new Promise((resolveGate) => (release = resolveGate));
      return release;
    },
    close: server.close,
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of request) text += chunk;
  return text === "" ? undefined : JSON.parse(text);
}
