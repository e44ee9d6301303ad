// /users: create, read (by id or userPrincipalName), list with $filter/$select/paging, update, delete.
import { randomUUID } from "node:crypto";
import { objectProblem } from "./graph-body-validator.ts";
import { badRequest, notFound } from "./graph-fault.ts";
import { page, parseEqualsFilter, parseSelect } from "./graph-query.ts";
import { objectBody, type GraphReply, type GraphRequestContext } from "./graph-request-context.ts";
import { findUser, type GraphUser } from "./graph-store.ts";
import { checkUserRules, userJson } from "./graph-user-rules.ts";

const USER_TYPE = "microsoft.graph.user";
const FILTERABLE = ["userPrincipalName", "mail", "employeeId", "mailNickname"] as const;

/** The user named in the path, or Graph's 404. */
export function userAt(context: GraphRequestContext, key: string): GraphUser {
  const user = findUser(context.store, key);
  if (!user) throw notFound(key);
  return user;
}

/** Graph's `$expand=manager($select=id)`: the manager's id inline (omitted when there is none). */
function expandsManager(context: GraphRequestContext): boolean {
  const expand = context.query.get("$expand");
  if (expand === null) return false;
  if (expand === "manager" || expand === "manager($select=id)") return true;
  throw badRequest(`The test server (like Graph for this endpoint) supports $expand=manager or manager($select=id) only, got: ${expand}`);
}

function userOutput(context: GraphRequestContext, user: GraphUser): Record<string, unknown> {
  const json = userJson(user, parseSelect(context.metadata, USER_TYPE, context.query.get("$select")));
  if (expandsManager(context) && user.managerId) json.manager = { "@odata.type": "#microsoft.graph.user", id: user.managerId };
  return json;
}

function validatedUserBody(context: GraphRequestContext): Record<string, unknown> {
  const body = objectBody(context);
  const problem = objectProblem(context.metadata, USER_TYPE, body);
  if (problem) throw badRequest(problem);
  return body;
}

/** Writes the body's properties; the password goes apart so that no read can return it. */
function applyProperties(user: GraphUser, body: Record<string, unknown>) {
  for (const [name, value] of Object.entries(body)) {
    if (name === "passwordProfile") user.password = (value as { password: string }).password;
    else user.properties[name] = value;
  }
}

function listUsers(context: GraphRequestContext): GraphReply {
  let users = [...context.store.users.values()];
  const filter = context.query.get("$filter");
  if (filter !== null) {
    const { property, value } = parseEqualsFilter(filter, FILTERABLE, "User");
    users = users.filter((user) => String(user.properties[property] ?? "").toLowerCase() === value.toLowerCase());
  }
  const json = users.map((user) => userOutput(context, user));
  return { status: 200, body: { "@odata.context": `${context.baseUrl}/$metadata#users`, ...page(json, context.query, context.requestUrl, context.pageSize) } };
}

function createUser(context: GraphRequestContext): GraphReply {
  const body = validatedUserBody(context);
  checkUserRules(context, body);
  const user: GraphUser = { id: randomUUID(), properties: {}, assignedLicenses: [] };
  applyProperties(user, body);
  context.store.users.set(user.id, user);
  return { status: 201, body: { "@odata.context": `${context.baseUrl}/$metadata#users/$entity`, ...userJson(user) } };
}

function deleteUser(context: GraphRequestContext, user: GraphUser): GraphReply {
  context.store.users.delete(user.id);
  for (const group of context.store.groups.values()) group.members.delete(user.id);
  for (const other of context.store.users.values()) if (other.managerId === user.id) delete other.managerId;
  return { status: 204 };
}

export function handleUserRoutes(context: GraphRequestContext): GraphReply | undefined {
  const { method, segments } = context;
  if (segments[0] !== "users") return undefined;
  if (segments.length === 1) {
    if (method === "GET") return listUsers(context);
    if (method === "POST") return createUser(context);
    return undefined;
  }
  if (segments.length !== 2) return undefined;
  const user = userAt(context, segments[1]!);
  if (method === "GET") return { status: 200, body: { "@odata.context": `${context.baseUrl}/$metadata#users/$entity`, ...userOutput(context, user) } };
  if (method === "PATCH") {
    const body = validatedUserBody(context);
    checkUserRules(context, body, user);
    applyProperties(user, body);
    return { status: 204 };
  }
  if (method === "DELETE") return deleteUser(context, user);
  return undefined;
}
