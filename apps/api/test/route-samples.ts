/**
 * A valid request body for every route that takes one, so access tests reach the handler.
 * A new route with a body must be added here; the tests fail until it is.
 */
export const sampleBodies: Record<string, () => unknown> = {
  "POST /api/v1/auth/sign-in": () => ({ email: "nobody@example.test", password: "x" }),
  "POST /api/v1/auth/sign-up": () => ({ email: `s${Math.random().toString(36).slice(2)}@example.test`, password: "a long enough password", displayName: "S", tenantName: `Sample ${Math.random().toString(36).slice(2)}` }),
  "POST /api/v1/auth/password-reset/request": () => ({ email: "nobody@example.test" }),
  "POST /api/v1/auth/password-reset/confirm": () => ({ token: "x".repeat(43), password: "a long enough password" }),
  "PATCH /api/v1/tenant": () => ({ name: "Renamed by a test" }),
  "POST /api/v1/members": () => ({ email: `m${Math.random().toString(36).slice(2)}@example.test`, displayName: "M", role: "auditor" }),
  "PATCH /api/v1/members/:id": () => ({ role: "auditor" }),
  "POST /api/v1/api-keys": () => ({ name: "sample", scopes: ["read"] }),
  "POST /api/v1/platform/tenants": () => ({ name: "Sample tenant", slug: `sample-${Math.random().toString(36).slice(2, 8)}`, owner: { email: "p@example.test", displayName: "P" } }),
};

export const routeKey = (route: { method: string; path: string }) => `${route.method} ${route.path}`;
