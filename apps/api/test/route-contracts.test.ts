import { describe, expect, it } from "vitest";
import { useFactories, type TestClient } from "@idlife/testing";
import { apiRoutes, createApiClient, InvalidResponseError, type RouteContract } from "@idlife/contracts";
import { listRoutes } from "../src/index.ts";

const ctx = useFactories();

const contractRoutes = Object.entries(apiRoutes).flatMap(([area, group]) =>
  Object.entries(group).map(([name, route]) => ({ name: `${area}.${name}`, route: route as RouteContract })),
);
const key = (method: string, path: string) => `${method} ${path}`;

describe("routes and their contracts", () => {
  it("every controller route serves a route of @idlife/contracts, at the contract's method and path", () => {
    const known = new Set(contractRoutes.map((entry) => entry.route));
    const stray = listRoutes(ctx.api.app)
      .filter((route) => !route.endpoint || !known.has(route.endpoint.route) || key(route.method, route.path) !== key(route.endpoint.route.method, `/api/v1${route.endpoint.route.path}`))
      .map((route) => `${route.method} ${route.path} (${route.controller}.${route.handler})`);
    expect(stray, "controller routes without a contract route: add them to packages/contracts/src/routes").toEqual([]);
  });

  it("every contract route is served by exactly one controller route", () => {
    const served = listRoutes(ctx.api.app);
    const unserved = contractRoutes
      .filter((entry) => served.filter((route) => route.endpoint?.route === entry.route).length !== 1)
      .map((entry) => `${entry.name}: ${entry.route.method} ${entry.route.path}`);
    expect(unserved, "contract routes no controller serves (or two serve)").toEqual([]);
  });

  it("documents exactly the contract routes in OpenAPI", async () => {
    const document = (await ctx.api.client().get("/api/docs/openapi.json")).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => key(method.toUpperCase(), path)));
    const contracted = contractRoutes.map(({ route }) => key(route.method, `/api/v1${route.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`));
    expect(documented.sort()).toEqual([...new Set(contracted)].sort());
  });
});

/** The typed client over the test client, as a test (or the portal) would use it. */
const typedClient = (client: TestClient) =>
  createApiClient(async (request) => {
    const answer = await client.request(request.method, `/api/v1${request.path}`, { body: request.body });
    if (answer.status >= 400) throw new Error(`${answer.status} ${answer.body?.error?.code}`);
    return answer.body;
  });

describe("the typed client against the API", () => {
  it("reads and changes a tenant's data through the contract routes", async () => {
    const { client } = await ctx.newTenant();
    const typed = typedClient(client);
    const created = await typed.sourceSystems.create({ body: { name: "HR export", connectorType: "csv", settings: { layout: "single", persons: { personKey: "Id" } } } });
    expect(created.name).toBe("HR export");
    const found = await typed.sourceSystems.get({ params: { id: created.id } });
    expect(found.id).toBe(created.id);
    const page = await typed.persons.list({ query: { search: "nobody", limit: 5 } });
    expect(page).toMatchObject({ total: 0, items: [] });
    const audit = await typed.audit.list({ query: { action: "source_system.create" } });
    expect(audit.items.map((entry) => entry.targetId)).toContain(created.id);
  });

  it("refuses an answer that does not match the route's response schema", async () => {
    const { client } = await ctx.newTenant();
    // The answer of GET /tenant handed back as if it came from GET /persons.
    const lying = createApiClient(async (request) => (await client.get(request.route === apiRoutes.persons.list ? "/api/v1/tenant" : `/api/v1${request.path}`)).body);
    await expect(lying.persons.list()).rejects.toBeInstanceOf(InvalidResponseError);
  });
});
