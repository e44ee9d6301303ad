import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support/index.ts";
import { partialUpload, uploadAfterContinue } from "./support/partial-upload.ts";
import { deeplyNested } from "./support/fuzz-inputs.ts";

const UPLOAD_LIMIT = 200_000;
const portal = mkdtempSync(join(tmpdir(), "idlife-portal-"));
writeFileSync(join(portal, "index.html"), "<!doctype html><title>idlife portal</title>");

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT), WEB_DIST_DIR: portal });
});
afterAll(async () => api?.close());

const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };
const csvSource = { connectorType: "csv", settings: { layout: "single", persons: { personKey: "Id", delimiter: ";" } } };

describe("input no route can use is refused at the door", () => {
  it("refuses the prototype-pollution request of the review with 400 and keeps answering", async () => {
    const { client, tenantId } = await api.createTenantWithMember("owner");
    const key = (await api.createApiKey(client, ["admin"])).secret;
    const keyClient = api.client().withApiKey(key);
    const body = '{"name":"pp","connectorType":"csv","settings":{},"secrets":{"__proto__.polluted":"1"}}';
    const response = await keyClient.request("POST", "/api/v1/source-systems", { rawBody: body });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("forbidden_key");
    expect(response.body.error.details.path).toBe("secrets.__proto__.polluted");
    const protoKey = await keyClient.request("POST", "/api/v1/source-systems", { rawBody: '{"name":"pp","connectorType":"csv","settings":{"__proto__":{"polluted":"1"}}}' });
    expect(protoKey.body.error.code).toBe("forbidden_key");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await keyClient.get("/api/v1/source-systems")).status).toBe(200);
    expect(await api.ownerPrisma.sourceSystem.count({ where: { tenantId } })).toBe(0);
  });

  it("refuses a secret that is not one of the connector's secret fields", async () => {
    const { client, tenantId } = await api.createTenantWithMember("owner");
    const response = await client.post("/api/v1/source-systems", { name: "HR", ...csvSource, secrets: { "download.auth.apiKey": "x" } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("unknown_secret");
    expect(response.body.error.message).toContain("download.auth.token");
    expect(await api.ownerPrisma.sourceSystem.count({ where: { tenantId } })).toBe(0);
  });

  it("refuses NUL characters in names, search, filters and audit actions with invalid_characters naming the field", async () => {
    const { client, tenantId } = await api.createTenantWithMember("owner");
    const before = await api.ownerPrisma.auditEntry.count({ where: { tenantId } });
    const cases = [
      await client.post("/api/v1/api-keys", { name: "key\u0000", scopes: ["read"] }),
      await client.patch("/api/v1/tenant", { name: "Tenant\u0000" }),
      await client.post("/api/v1/source-systems", { name: "HR\u0000", ...csvSource }),
      await client.get("/api/v1/persons?search=a%00b"),
      await client.get("/api/v1/persons?departmentId=a%00b"),
      await client.get("/api/v1/audit-log?action=tenant.update%00"),
      await client.delete("/api/v1/api-keys/%00"),
    ];
    for (const response of cases) {
      expect(response.status, response.text).toBe(400);
      expect(response.body.error.code).toBe("invalid_characters");
    }
    expect(cases[0]!.body.error.details.path).toBe("name");
    expect(cases[3]!.body.error.details.path).toBe("search");
    expect(await api.ownerPrisma.auditEntry.count({ where: { tenantId } })).toBe(before);
  });

  it("refuses settings nested 3,000 deep with too_deeply_nested", async () => {
    const { client, tenantId } = await api.createTenantWithMember("owner");
    const deep = deeplyNested("settings").slice(1, -1);
    const response = await client.request("POST", "/api/v1/source-systems", { rawBody: `{"name":"HR","connectorType":"csv",${deep}}` });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("too_deeply_nested");
    expect(await api.ownerPrisma.sourceSystem.count({ where: { tenantId } })).toBe(0);
  });
});

describe("answers outside the routes", () => {
  it("answers unknown /api/* paths in the JSON error shape", async () => {
    for (const path of ["/api/nothing", "/api/v2/persons", "/api/v1/no-such-route", "/api/docs/assets/no-such-file.js"]) {
      const response = await api.client().get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type"), path).toContain("application/json");
      expect(response.body, path).toMatchObject(errorShape);
    }
    const post = await api.client().post("/api/elsewhere", {});
    expect(post.status).toBe(404);
    expect(post.body).toMatchObject(errorShape);
  });

  it("answers a wrong method on a known path with 405 and Allow", async () => {
    const health = await api.client().delete("/api/v1/health");
    expect(health.status).toBe(405);
    expect(health.headers.get("allow")).toBe("GET, HEAD");
    expect(health.body.error.code).toBe("method_not_allowed");
    const keys = await api.client().request("PUT", "/api/v1/api-keys", { body: {} });
    expect(keys.status).toBe(405);
    expect(keys.headers.get("allow")).toBe("GET, HEAD, POST");
  });

  it("still serves the portal's client routes from index.html", async () => {
    const response = await api.client().get("/persons/some-id");
    expect(response.status).toBe(200);
    expect(response.text).toContain("idlife portal");
  });
});

describe("hardening headers", () => {
  it("sends a strict Content-Security-Policy and anti-framing headers with the portal and the API", async () => {
    for (const path of ["/", "/persons", "/api/v1/health", "/api/v1/no-such-route"]) {
      const headers = (await api.client().get(path)).headers;
      const policy = headers.get("content-security-policy") ?? "";
      for (const directive of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
        expect(policy, `${path}: ${directive}`).toContain(directive);
      }
      expect(headers.get("x-frame-options"), path).toBe("DENY");
      expect(headers.get("cross-origin-opener-policy"), path).toBe("same-origin");
      expect(headers.get("permissions-policy"), path).toContain("camera=()");
      expect(headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });
});

describe("uploads are checked before their body is read", () => {
  const start = (path: string, headers: Record<string, string>) =>
    // Declares 150 kB (under the limit), sends one line and holds the rest back.
    partialUpload(api.baseUrl, path, { "content-type": "text/csv", ...headers }, "Id;Name\n", 150_000);

  it("refuses strangers, other tenants and too-small roles without waiting for the file", async () => {
    const a = await api.createTenantWithMember("owner");
    const b = await api.createTenantWithMember("owner");
    const bSource = await b.client.post("/api/v1/source-systems", { name: "HR", ...csvSource });
    const path = `/api/v1/source-systems/${bSource.body.id}/uploads/persons`;
    const aKey = (await api.createApiKey(a.client, ["admin"])).secret;
    const bReader = (await api.createApiKey(b.client, ["read"])).secret;

    const stranger = await start(path, { "x-requested-with": "idlife" });
    expect(stranger.status).toBe(401);
    expect(stranger.headers.connection).toBe("close");
    expect((await start(path, { authorization: `Bearer ${aKey}` })).status).toBe(404);
    const otherTenant = await start(path, { authorization: `Bearer ${aKey}`, "x-tenant-id": b.tenantId });
    expect(otherTenant.status).toBe(403);
    const aSession = await start(path, { cookie: a.client.cookieHeader()!, "x-requested-with": "idlife", "x-tenant-id": b.tenantId });
    expect(aSession.body.error.code).toBe("not_a_member");
    const reader = await start(path, { authorization: `Bearer ${bReader}` });
    expect(reader.status).toBe(403);
    expect(reader.body.error.code).toBe("insufficient_scope");
    expect(await api.ownerPrisma.sourceUpload.count({ where: { tenantId: b.tenantId } })).toBe(0);
  });

  it("tells a sender that expects 100-continue to go ahead only once access is checked", async () => {
    const { client, tenantId } = await api.createTenantWithMember("owner");
    const key = (await api.createApiKey(client, ["write"])).secret;
    const source = await client.post("/api/v1/source-systems", { name: "HR", ...csvSource });
    const path = `/api/v1/source-systems/${source.body.id}/uploads/persons`;
    const refused = await uploadAfterContinue(api.baseUrl, path, { "content-type": "text/csv", "x-requested-with": "idlife" }, "Id;Name\n1;A\n");
    expect(refused).toMatchObject({ status: 401, continued: false });
    const accepted = await uploadAfterContinue(api.baseUrl, path, { "content-type": "text/csv", authorization: `Bearer ${key}` }, "Id;Name\n1;A\n");
    expect(accepted).toMatchObject({ status: 200, continued: true });
    expect(await api.ownerPrisma.sourceUpload.count({ where: { tenantId } })).toBe(1);
    // JSON routes still get the go-ahead at once.
    const json = await uploadAfterContinue(api.baseUrl, "/api/v1/tenant", { "content-type": "application/json", authorization: `Bearer ${key}` }, "{}");
    expect(json.continued).toBe(true);
  });

  it("refuses an upload to a source system that is not CSV without waiting for the file", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const key = (await api.createApiKey(client, ["admin"])).secret;
    const source = await client.post("/api/v1/source-systems", { name: "API", connectorType: "http_json", settings: { url: "https://hr.example.test/persons", recordsPath: "items" } });
    expect(source.status, source.text).toBe(201);
    const response = await start(`/api/v1/source-systems/${source.body.id}/uploads/persons`, { authorization: `Bearer ${key}` });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("not_a_csv_source");
  });

  it("answers 413 for an upload over the limit, declared or counted, and stores nothing", async () => {
    const { client, tenantId } = await api.createTenantWithMember("owner");
    const key = (await api.createApiKey(client, ["write"])).secret;
    const source = await client.post("/api/v1/source-systems", { name: "HR", ...csvSource });
    const path = `/api/v1/source-systems/${source.body.id}/uploads/persons`;
    const headers = { authorization: `Bearer ${key}`, "content-type": "text/csv" };
    const declared = await partialUpload(api.baseUrl, path, headers, "Id;Name\n", UPLOAD_LIMIT + 1);
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe("payload_too_large");
    // Chunked, so no Content-Length to trust: the count of arriving bytes decides.
    const counted = await partialUpload(api.baseUrl, path, headers, Buffer.alloc(UPLOAD_LIMIT + 10, "x"));
    expect(counted.status).toBe(413);
    expect(await api.ownerPrisma.sourceUpload.count({ where: { tenantId } })).toBe(0);

    const fine = await api.client().withApiKey(key).request("PUT", path, { rawBody: "Id;Name\n1;A\n", headers: { "content-type": "text/csv" } });
    expect(fine.status).toBe(200);
    expect(fine.body.sizeBytes).toBe(12);
  });
});
