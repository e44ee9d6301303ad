import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRoutes } from "../src/index.ts";
import { startTestApi, type TestApi, type TestClient } from "./support/index.ts";
import { arrangePersonsOfTenant } from "./support/arrange-persons.ts";
import { deeplyNested, hostilePathValues, hostileQueries, pollutingObjects, withNulInEachString } from "./support/fuzz-inputs.ts";
import { resourceOf, routeKey, sampleBodies } from "./route-samples.ts";

let api: TestApi;
beforeAll(async () => {
  // Limits high enough that the fuzzing itself is not rate limited away from the handlers.
  api = await startTestApi({ SIGN_IN_ATTEMPTS_PER_MINUTE_PER_IP: "100000", SIGN_IN_ATTEMPTS_PER_15_MINUTES_PER_EMAIL: "100000", API_KEY_REQUESTS_PER_MINUTE: "100000" });
});
afterAll(async () => api?.close());

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content: { "application/json": { schema: { properties?: Record<string, unknown> } } } };
}

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();

describe("every route survives hostile input", () => {
  it("answers prototype keys, NUL characters and deep nesting with 4xx, keeps running and leaves Object.prototype alone", { timeout: 300_000 }, async () => {
    const before = prototypeNames();
    const owner = await api.createTenantWithMember("owner");
    const user = await api.ownerPrisma.user.findUniqueOrThrow({ where: { email: owner.email } });
    await api.ownerPrisma.user.update({ where: { id: user.id }, data: { isPlatformAdmin: true } });
    const adminKey = api.client().withApiKey((await api.createApiKey(owner.client, ["admin"])).secret);
    const objects = await arrangePersonsOfTenant(api, owner.tenantId);
    const ids: Record<string, string> = { "source-systems": objects.sourceSystemId, imports: objects.importId, persons: objects.personId, "merge-suggestions": objects.suggestionId, snapshots: objects.snapshotId };
    const document = (await api.client().get("/api/docs/openapi.json")).body as { paths: Record<string, Record<string, OpenApiOperation>> };

    const failures: string[] = [];
    let requests = 0;
    const send = async (client: TestClient, label: string, method: string, path: string, options: { rawBody?: string; headers?: Record<string, string> }) => {
      requests += 1;
      const response = await client.request(method, path, options);
      if (response.status >= 500) failures.push(`${label}: ${response.status} ${response.text.slice(0, 200)}`);
      else if (response.status >= 400 && !response.body?.error?.code) failures.push(`${label}: ${response.status} without the error shape`);
    };

    const routes = listRoutes(api.app).filter((route) => route.endpoint);
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const key = routeKey(route);
      const operation = document.paths[route.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")]?.[route.method.toLowerCase()];
      expect(operation, `${key} is in the OpenAPI document`).toBeDefined();
      // Ending the session would leave the rest unauthenticated; sign-out takes no input anyway.
      const client = route.endpoint!.access.kind === "tenant" ? adminKey : key === "POST /api/v1/auth/sign-out" ? api.client() : owner.client;
      const pathWith = (value?: string) =>
        route.path.replace(/:role/g, value ?? "persons").replace(/:[A-Za-z]+/g, value ?? ids[resourceOf(route.path)] ?? "00000000-0000-4000-8000-000000000000");
      const queryNames = (operation!.parameters ?? []).filter((parameter) => parameter.in === "query").map((parameter) => parameter.name);
      const isUpload = route.endpoint!.rawBody === true;
      const validBody = isUpload ? undefined : sampleBodies[key]?.();
      const bodyText = isUpload ? "Id;Name\n1;A\n" : validBody === undefined ? undefined : JSON.stringify(validBody);
      const headers = isUpload ? { "content-type": "text/csv" } : { "content-type": "application/json" };
      const withBody = bodyText === undefined ? {} : { rawBody: bodyText, headers };

      for (const query of hostileQueries(queryNames)) await send(client, `${key} ?${query}`, route.method, `${pathWith()}?${query}`, withBody);
      if (route.path.includes(":")) {
        for (const value of hostilePathValues) await send(client, `${key} path ${value}`, route.method, pathWith(value), withBody);
      }
      if (isUpload) {
        await send(client, `${key} NUL in the file`, route.method, pathWith(), { rawBody: "Id;Name\u0000\n1;A\u0000\n", headers });
        continue;
      }
      if (!route.endpoint!.body) {
        if (route.method !== "GET") await send(client, `${key} unexpected polluting body`, route.method, pathWith(), { rawBody: '{"__proto__": {"polluted": "1"}}', headers });
        continue;
      }
      const fields = Object.keys(operation!.requestBody?.content["application/json"].schema.properties ?? {});
      const base = (validBody ?? {}) as Record<string, unknown>;
      const bodies: Array<[string, string]> = [
        ["__proto__ at the top", JSON.stringify({ ...base, ...JSON.parse('{"__proto__": {"polluted": "1"}}') })],
        ["constructor.prototype at the top", JSON.stringify({ ...base, constructor: { prototype: { polluted: "1" } } })],
        ...fields.flatMap((field) => pollutingObjects.map((value, index): [string, string] => [`polluting ${field} #${index}`, JSON.stringify({ ...base, [field]: value })])),
        ...withNulInEachString(base).map((body, index): [string, string] => [`NUL #${index}`, JSON.stringify(body)]),
        ...[...new Set([...fields, "a"])].map((field): [string, string] => [`${field} nested 3000 deep`, deeplyNested(field)]),
      ];
      for (const [what, body] of bodies) await send(client, `${key} ${what}`, route.method, pathWith(), { rawBody: body, headers });

      expect((await api.client().get("/api/v1/health")).status, `health after ${key}`).toBe(200);
      expect(prototypeNames(), `Object.prototype after ${key}`).toEqual(before);
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeNames()).toEqual(before);
  });
});
