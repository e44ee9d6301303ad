import { describe, expect, it } from "vitest";
import { useFactories } from "@idlife/testing";

const ctx = useFactories({ apiEnv: { BODY_LIMIT_BYTES: "10000" } });

async function countRows(tenantId: string) {
  return {
    apiKeys: await ctx.api.ownerPrisma.apiKey.count({ where: { tenantId } }),
    members: await ctx.api.ownerPrisma.membership.count({ where: { tenantId } }),
    audit: await ctx.api.ownerPrisma.auditEntry.count({ where: { tenantId } }),
    tenant: await ctx.api.ownerPrisma.tenant.findUniqueOrThrow({ where: { id: tenantId } }),
  };
}

const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };

describe("bad input gets a 400 in the error shape and writes nothing", () => {
  const cases: Array<[string, string, (path: string) => { rawBody?: string; body?: unknown; headers?: Record<string, string> }, string]> = [
    ["malformed JSON", "/api/v1/api-keys", () => ({ rawBody: '{"name": "x", "scopes": ["read"' }), "invalid_json"],
    ["an unknown field", "/api/v1/api-keys", () => ({ body: { name: "x", scopes: ["read"], isAdmin: true } }), "validation_failed"],
    ["a wrong type", "/api/v1/api-keys", () => ({ body: { name: 42, scopes: "read" } }), "validation_failed"],
    ["an unknown enum value", "/api/v1/members", () => ({ body: { email: "a@example.test", displayName: "A", role: "superuser" } }), "validation_failed"],
    ["a body that is not JSON", "/api/v1/api-keys", () => ({ rawBody: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } }), "unsupported_content_type"],
    ["a JSON array instead of an object", "/api/v1/api-keys", () => ({ rawBody: "[1,2]" }), "validation_failed"],
  ];

  for (const [what, path, makeRequest, code] of cases) {
    it(`refuses ${what}`, async () => {
      const { client, tenantId } = await ctx.newTenant();
      const before = await countRows(tenantId);
      const response = await client.request("POST", path, makeRequest(path));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject(errorShape);
      expect(response.body.error.code).toBe(code);
      expect(await countRows(tenantId)).toEqual(before);
    });
  }

  it("refuses an oversize body with 413", async () => {
    const { client, tenantId } = await ctx.newTenant();
    const before = await countRows(tenantId);
    const response = await client.post("/api/v1/api-keys", { name: "x".repeat(20_000), scopes: ["read"] });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject(errorShape);
    expect(response.body.error.code).toBe("payload_too_large");
    expect(response.body.error.details.limitBytes).toBe(10_000);
    expect(await countRows(tenantId)).toEqual(before);
  });

  it("names the offending field and the unknown keys in the details", async () => {
    const { client } = await ctx.newTenant();
    const response = await client.post("/api/v1/api-keys", { name: "x", scopes: ["read"], isAdmin: true });
    expect(response.body.error.message).toContain("Unrecognized key");
    expect(response.body.error.details.issues[0].keys).toEqual(["isAdmin"]);
    const wrongType = await client.post("/api/v1/api-keys", { name: "x", scopes: ["root"] });
    expect(wrongType.body.error.message).toContain("scopes.0");
  });

  it("refuses unknown query parameters and bad path ids", async () => {
    const { client } = await ctx.newTenant();
    const query = await client.get("/api/v1/audit-log?limit=abc");
    expect(query.status).toBe(400);
    expect((await client.get("/api/v1/audit-log?drop=1")).status).toBe(400);
    const path = await client.delete("/api/v1/api-keys/not-a-uuid");
    expect(path.status).toBe(400);
    expect(path.body).toMatchObject(errorShape);
  });

  it("answers unknown routes with the error shape", async () => {
    const response = await ctx.api.client().get("/api/v1/no-such-route");
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject(errorShape);
  });

  it("refuses a tenant PATCH with a wrong settings type and keeps the tenant", async () => {
    const { client, tenantId } = await ctx.newTenant();
    const before = await countRows(tenantId);
    const response = await client.patch("/api/v1/tenant", { settings: { locale: "xx-XX" } });
    expect(response.status).toBe(400);
    expect(await countRows(tenantId)).toEqual(before);
  });

  it("refuses values of the right type that make no sense", async () => {
    const { client, tenantId } = await ctx.newTenant();
    const before = await countRows(tenantId);
    const timeZone = await client.patch("/api/v1/tenant", { settings: { timeZone: "Not/AZone" } });
    expect(timeZone.status).toBe(400);
    expect(timeZone.body.error.message).toContain("IANA time zone");
    const expired = await client.post("/api/v1/api-keys", { name: "x", scopes: ["read"], expiresAt: "2020-01-01T00:00:00Z" });
    expect(expired.status).toBe(400);
    expect(expired.body.error.message).toContain("future");
    expect((await client.get("/api/v1/audit-log?before=99999999999999999999999")).status).toBe(400);
    expect(await countRows(tenantId)).toEqual(before);
  });
});

describe("source system schedules", () => {
  it("refuses an unknown time zone or a cron expression that does not parse", async () => {
    const { client, tenantId } = await ctx.newTenant();
    const base = { name: "HR", connectorType: "csv", settings: { layout: "single", persons: { personKey: "Id" } }, mapping: { person: { ExternalId: { type: "field", path: "Id" } }, contract: {} } };
    const zone = await client.post("/api/v1/source-systems", { ...base, schedule: { cron: "0 2 * * *", timeZone: "Europe/Atlantis" } });
    expect(zone.status).toBe(400);
    expect(zone.body.error.message).toContain("Europe/Atlantis");
    const cron = await client.post("/api/v1/source-systems", { ...base, schedule: { cron: "61 * * * * *", timeZone: "Europe/Amsterdam" } });
    expect(cron.status).toBe(400);
    expect(cron.body.error.code).toBe("invalid_schedule");
    expect(await ctx.api.ownerPrisma.sourceSystem.count({ where: { tenantId } })).toBe(0);
  });
});
