import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "./api.ts";
import { ApiError, UnexpectedResponseError } from "./api-error.ts";

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

afterEach(() => vi.unstubAllGlobals());

describe("the portal's typed client", () => {
  it("calls the route's path under /api/v1 with the tenant and the query, and hands back the parsed answer", async () => {
    const fetch = vi.fn(async () => answer(200, [{ sourceSystemId: "s", sourceKey: "k", importId: "i", data: { Name: "Jan" } }]));
    vi.stubGlobal("fetch", fetch);
    const records = await api.persons.raw({ params: { id: "p 1" } }, { tenantId: "t-1" });
    expect(records[0]?.sourceKey).toBe("k");
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/persons/p%201/raw");
    expect(new Headers(init.headers).get("X-Tenant-Id")).toBe("t-1");
  });

  it("turns an answer the route's schema refuses into UnexpectedResponseError, the page's 'reload' message", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => answer(200, { total: "many" })));
    vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(api.persons.list({ query: { limit: 5 } }, { tenantId: "t-1" })).rejects.toBeInstanceOf(UnexpectedResponseError);
  });

  it("keeps the server's error code and message for a failed status", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => answer(409, { error: { code: "import_running", message: "An import is already running." } })));
    const failure = api.imports.start({ params: { id: "s-1" }, body: {} }, { tenantId: "t-1" });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ code: "import_running", status: 409 });
  });
});
