import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  apiRoutes,
  buildApiRequest,
  createApiClient,
  createGroupClient,
  defineRoute,
  InvalidRequestError,
  InvalidResponseError,
  routePath,
  serializeQuery,
  type ApiRequest,
} from "../src/index.ts";

describe("routePath", () => {
  it("fills in and encodes path parameters", () => {
    expect(routePath({ path: "/persons/:id/history" }, { id: "a/b c?" })).toBe("/persons/a%2Fb%20c%3F/history");
    expect(routePath({ path: "/platform/jobs/:queue/:jobId" }, { queue: "import", jobId: "import-1" })).toBe("/platform/jobs/import/import-1");
  });

  it("refuses a missing or empty path parameter instead of calling a wrong URL", () => {
    expect(() => routePath({ path: "/persons/:id" }, {})).toThrow(InvalidRequestError);
    expect(() => routePath({ path: "/persons/:id" }, { id: "" })).toThrow("Path parameter 'id' of /persons/:id is missing.");
  });

  it("does not read path parameters from the prototype", () => {
    expect(() => routePath({ path: "/x/:toString" }, {})).toThrow(InvalidRequestError);
  });
});

describe("serializeQuery", () => {
  it("leaves out absent values, repeats lists and sends dates as ISO", () => {
    const query = serializeQuery({ search: "de Vries & zn", status: ["active", "future"], cursor: undefined, sourceSystemId: null, limit: 50, excluded: false, from: new Date("2026-01-02T03:04:05Z") });
    expect(query).toBe("?search=de+Vries+%26+zn&status=active&status=future&limit=50&excluded=false&from=2026-01-02T03%3A04%3A05.000Z");
  });

  it("is empty without values", () => {
    expect(serializeQuery(undefined)).toBe("");
    expect(serializeQuery({ search: undefined })).toBe("");
  });

  it("refuses an object it cannot put in a URL", () => {
    expect(() => serializeQuery({ filter: { a: 1 } })).toThrow("Query parameter 'filter' must be a plain value");
  });
});

const echoRoute = defineRoute({
  method: "POST",
  path: "/things/:id",
  summary: "test",
  params: z.object({ id: z.string() }),
  body: z.strictObject({ name: z.string().min(1) }),
  response: z.object({ id: z.string(), count: z.number() }),
});

describe("the typed client", () => {
  it("sends the built request through the fetcher with its options and parses the answer", async () => {
    const seen: Array<{ request: ApiRequest; options: unknown }> = [];
    const client = createApiClient<{ tenantId: string }>(async (request, options) => {
      seen.push({ request, options });
      return { total: 0, items: [], nextCursor: null };
    });
    const page = await client.persons.list({ query: { search: "jan", limit: 10 } }, { tenantId: "t-1" });
    expect(page).toEqual({ total: 0, items: [], nextCursor: null });
    expect(seen).toEqual([{ request: { route: apiRoutes.persons.list, method: "GET", path: "/persons?search=jan&limit=10" }, options: { tenantId: "t-1" } }]);
  });

  it("throws InvalidResponseError naming the route and the field when the answer does not match", async () => {
    const client = createGroupClient({ echo: echoRoute }, async () => ({ id: "x", count: "three" }));
    const failure = client.echo({ params: { id: "x" }, body: { name: "a" } });
    await expect(failure).rejects.toBeInstanceOf(InvalidResponseError);
    await expect(failure).rejects.toThrow("The answer of POST /things/:id does not match its contract: count:");
  });

  it("lets the caller choose the error for an answer that does not match", async () => {
    class Mine extends Error {}
    const client = createGroupClient({ echo: echoRoute }, async () => "nonsense", { invalidResponse: () => new Mine("mine") });
    await expect(client.echo({ params: { id: "x" }, body: { name: "a" } })).rejects.toBeInstanceOf(Mine);
  });

  it("checks bodies before sending only when asked", async () => {
    let calls = 0;
    const fetcher = async () => {
      calls += 1;
      return { id: "x", count: 1 };
    };
    await expect(createGroupClient({ echo: echoRoute }, fetcher, { validateBodies: true }).echo({ params: { id: "x" }, body: { name: "" } })).rejects.toBeInstanceOf(InvalidRequestError);
    expect(calls).toBe(0);
    await createGroupClient({ echo: echoRoute }, fetcher).echo({ params: { id: "x" }, body: { name: "" } });
    expect(calls).toBe(1);
  });

  it("resolves to nothing for a route without a response schema, and sends no body for a route without one", async () => {
    const request = buildApiRequest(apiRoutes.sourceSystems.remove, { params: { id: "s-1" } });
    expect(request).toEqual({ route: apiRoutes.sourceSystems.remove, method: "DELETE", path: "/source-systems/s-1" });
    const client = createApiClient(async () => ({ ignored: true }));
    await expect(client.sourceSystems.remove({ params: { id: "s-1" } })).resolves.toBeUndefined();
  });
});
