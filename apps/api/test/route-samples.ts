/**
 * A valid request body for every route that takes one, so access tests reach the handler.
 * A new route with a body must be added here; the tests fail until it is.
 */
export const sampleBodies: Record<string, () => unknown> = {
  "POST /api/v1/auth/sign-in": () => ({ email: "nobody@example.test", password: "x" }),
  "POST /api/v1/auth/sign-up": () => ({ email: `s${Math.random().toString(36).slice(2)}@example.test`, displayName: "S", tenantName: `Sample ${Math.random().toString(36).slice(2)}` }),
  "POST /api/v1/auth/password-reset/request": () => ({ email: "nobody@example.test" }),
  "POST /api/v1/auth/password-reset/confirm": () => ({ token: "x".repeat(43), password: "a long enough password" }),
  "PATCH /api/v1/tenant": () => ({ name: "Renamed by a test" }),
  "POST /api/v1/members": () => ({ email: `m${Math.random().toString(36).slice(2)}@example.test`, displayName: "M", role: "auditor" }),
  "PATCH /api/v1/members/:id": () => ({ role: "auditor" }),
  "POST /api/v1/api-keys": () => ({ name: "sample", scopes: ["read"] }),
  "POST /api/v1/source-systems": () => ({ name: `HR ${Math.random().toString(36).slice(2, 8)}`, connectorType: "csv", settings: { layout: "single", persons: { personKey: "Id", delimiter: ";" } }, mapping: { person: { ExternalId: { type: "field", path: "Id" } }, contract: {} } }),
  "PATCH /api/v1/source-systems/:id": () => ({ name: `Renamed ${Math.random().toString(36).slice(2, 8)}` }),
  "PUT /api/v1/source-systems/:id/uploads/:role": () => "Id;Name\n1;A\n",
  "POST /api/v1/source-systems/:id/imports": () => ({}),
  "POST /api/v1/source-systems/:id/records": () => ({ records: [{ Id: "1", Contracts: [] }] }),
  "POST /api/v1/source-systems/:id/mapping/preview": () => ({ mapping: { person: { ExternalId: { type: "field", path: "Id" } }, contract: {} } }),
  "POST /api/v1/source-systems/mapping/check-script": () => ({ script: "return 1;" }),
  "POST /api/v1/persons/:id/merge": () => ({ intoPersonId: "00000000-0000-4000-8000-000000000001" }),
  "POST /api/v1/persons/:id/unmerge": () => ({ sourceSystemId: "00000000-0000-4000-8000-000000000001", sourceKey: "1" }),
  "POST /api/v1/tenant/primary-contract/preview": () => ({ criteria: [{ field: "StartDate", direction: "asc" }] }),
  "POST /api/v1/business-rules": () => ({
    name: `Rule ${Math.random().toString(36).slice(2, 8)}`,
    definition: { condition: { kind: "field", field: "Contract.Details.Fte", operator: "greaterThan", value: 0 }, entitlements: [{ kind: "account", targetSystemId: "00000000-0000-4000-8000-000000000001" }] },
  }),
  "PATCH /api/v1/business-rules/:id": () => ({ description: "Changed by a test" }),
  "POST /api/v1/business-rules/:id/publish": () => ({ simulationId: "00000000-0000-4000-8000-000000000001" }),
  "POST /api/v1/evaluations": () => ({ mode: "simulation" }),
  "POST /api/v1/evaluations/:id/blocked": () => ({ decision: "discard" }),
  "POST /api/v1/persons/:id/revoke-now": () => ({ reason: "Sample: must leave today" }),
  "POST /api/v1/target-systems": () => ({ name: `Directory ${Math.random().toString(36).slice(2, 8)}`, connectorType: "ldap", settings: {} }),
  "PATCH /api/v1/target-systems/:id": () => ({ name: `Renamed ${Math.random().toString(36).slice(2, 8)}` }),
  "POST /api/v1/target-systems/:id/inventory": () => ({}),
  "POST /api/v1/persons/:id/accounts/:targetSystemId/actions": () => ({ action: "create" }),
  "POST /api/v1/persons/:id/entitlements": () => ({ targetSystemId: "00000000-0000-4000-8000-000000000001", permissionId: "00000000-0000-4000-8000-000000000002", action: "grant" }),
  "POST /api/v1/platform/tenants": () => ({ name: "Sample tenant", slug: `sample-${Math.random().toString(36).slice(2, 8)}`, owner: { email: "p@example.test", displayName: "P" } }),
};

export const routeKey = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

/** A query string for routes that need one to reach the handler (the id stands in for every id it names). */
const sampleQueries: Record<string, (id: string) => string> = {
  "GET /api/v1/persons/:id/target-preview": (id) => `?targetSystemId=${id}`,
};

const RAW_BODY_ROUTES = new Set(["PUT /api/v1/source-systems/:id/uploads/:role"]);

/** Calls a route with its sample body, every path parameter filled (`:role` gets a valid role). */
export function callRoute(
  client: { request(method: string, path: string, options?: { body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any }> },
  route: { method: string; path: string },
  id = "00000000-0000-4000-8000-000000000000",
) {
  const path = route.path.replace(/:role/g, "persons").replace(/:[A-Za-z]+/g, id) + (sampleQueries[routeKey(route)]?.(id) ?? "");
  const body = sampleBodies[routeKey(route)]?.();
  if (RAW_BODY_ROUTES.has(routeKey(route))) return client.request(route.method, path, { rawBody: String(body), headers: { "content-type": "text/csv" } });
  return client.request(route.method, path, body === undefined ? {} : { body });
}

/** Which kind of object an :id in a route names, by the route's first path segment. */
export function resourceOf(path: string): string {
  return path.replace(/^\/api\/v1\//, "").split("/")[0]!;
}
