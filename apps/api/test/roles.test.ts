import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roleAllows, scopesAllow } from "@idlife/core";
import { listRoutes } from "../src/index.ts";
import { startTestApi, type TestApi, type TestClient } from "./support/index.ts";
import { callRoute, routeKey } from "./route-samples.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const call = (client: TestClient, route: { method: string; path: string }) => callRoute(client, route);

const tenantRoutes = () => listRoutes(api.app).filter((route) => route.endpoint?.access.kind === "tenant");
const permissionOf = (route: ReturnType<typeof tenantRoutes>[number]) =>
  (route.endpoint!.access as { permission: Parameters<typeof roleAllows>[1] }).permission;

describe("roles", () => {
  it("an auditor cannot write anything, but can read and see the audit log", async () => {
    const { client, tenantId } = await api.createTenantWithMember("auditor");
    const auditBefore = await api.ownerPrisma.auditEntry.count({ where: { tenantId } });
    for (const route of tenantRoutes().filter((candidate) => candidate.method !== "GET")) {
      const response = await call(client, route);
      expect(response.status, routeKey(route)).toBe(403);
      expect(response.body.error.code).toBe("insufficient_role");
    }
    expect(await api.ownerPrisma.auditEntry.count({ where: { tenantId } })).toBe(auditBefore);
    expect((await client.get("/api/v1/tenant")).status).toBe(200);
    expect((await client.get("/api/v1/audit-log")).status).toBe(200);
  });

  it("an operator cannot change configuration or administer the tenant", async () => {
    const { client, tenantId } = await api.createTenantWithMember("operator");
    const guarded = tenantRoutes().filter((route) => !roleAllows("operator", permissionOf(route)));
    expect(guarded.map(routeKey)).toEqual(expect.arrayContaining(["PATCH /api/v1/tenant", "POST /api/v1/api-keys", "POST /api/v1/members"]));
    for (const route of guarded) {
      const response = await call(client, route);
      expect(response.status, routeKey(route)).toBe(403);
    }
    const tenant = await api.ownerPrisma.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(tenant.name).not.toBe("Renamed by a test");
  });

  it("an admin cannot make someone owner; an owner can", async () => {
    const { tenantId, client: owner } = await api.createTenantWithMember("owner");
    const { client: admin } = await api.addMember(tenantId, "admin");
    const target = await api.addMember(tenantId, "operator");
    const membership = await api.ownerPrisma.membership.findFirstOrThrow({ where: { tenantId, user: { email: target.email } } });
    expect((await admin.patch(`/api/v1/members/${membership.id}`, { role: "owner" })).status).toBe(403);
    expect((await owner.patch(`/api/v1/members/${membership.id}`, { role: "owner" })).status).toBe(200);
  });

  it("an API key, even with admin scope, cannot make or touch owners", async () => {
    const { tenantId, client: owner, email } = await api.createTenantWithMember("owner");
    const { client: admin, email: adminEmail } = await api.addMember(tenantId, "admin");
    const key = api.client().withApiKey((await api.createApiKey(admin, ["admin"])).secret);
    const adminMembership = await api.ownerPrisma.membership.findFirstOrThrow({ where: { tenantId, user: { email: adminEmail } } });
    const ownerMembership = await api.ownerPrisma.membership.findFirstOrThrow({ where: { tenantId, user: { email } } });
    expect((await key.patch(`/api/v1/members/${adminMembership.id}`, { role: "owner" })).status).toBe(403);
    expect((await key.post("/api/v1/members", { email: "new-owner@example.test", displayName: "N", role: "owner" })).status).toBe(403);
    expect((await key.patch(`/api/v1/members/${ownerMembership.id}`, { role: "auditor" })).status).toBe(403);
    expect((await key.delete(`/api/v1/members/${ownerMembership.id}`)).status).toBe(403);
    expect((await owner.get("/api/v1/members")).body.filter((member: { role: string }) => member.role === "owner")).toHaveLength(1);
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const { tenantId, client: first, email } = await api.createTenantWithMember("owner");
    const second = await api.addMember(tenantId, "owner");
    const firstMembership = await api.ownerPrisma.membership.findFirstOrThrow({ where: { tenantId, user: { email } } });
    const secondMembership = await api.ownerPrisma.membership.findFirstOrThrow({ where: { tenantId, user: { email: second.email } } });
    const statuses = await Promise.all([
      first.patch(`/api/v1/members/${secondMembership.id}`, { role: "admin" }),
      second.client.patch(`/api/v1/members/${firstMembership.id}`, { role: "admin" }),
    ]);
    // The loser is refused either as the last owner (409) or, if the winner finished first, as
    // someone who is no longer an owner (403); never both succeed.
    const codes = statuses.map((response) => response.status).sort();
    expect(codes[0]).toBe(200);
    expect([403, 409]).toContain(codes[1]);
    expect(await api.ownerPrisma.membership.count({ where: { tenantId, role: "owner" } })).toBe(1);
  });

  it("the last owner cannot be removed or demoted", async () => {
    const { tenantId, client: owner, email } = await api.createTenantWithMember("owner");
    const membership = await api.ownerPrisma.membership.findFirstOrThrow({ where: { tenantId, user: { email } } });
    const response = await owner.patch(`/api/v1/members/${membership.id}`, { role: "admin" });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("last_owner");
  });
});

describe("API keys", () => {
  it("are shown once, stored hashed, and limited by their scopes", async () => {
    const { client, tenantId } = await api.createTenantWithMember("owner");
    const created = await client.post("/api/v1/api-keys", { name: "HR sync", scopes: ["read"] });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^idl_/);
    const stored = await api.ownerPrisma.apiKey.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.secretHash).not.toContain(created.body.secret);
    const listed = await client.get("/api/v1/api-keys");
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect(listed.body[0]).not.toHaveProperty("secret");

    const key = api.client().withApiKey(created.body.secret);
    expect((await key.get("/api/v1/tenant")).body.id).toBe(tenantId);
    for (const route of tenantRoutes().filter((candidate) => !scopesAllow(["read"], permissionOf(candidate)))) {
      expect((await call(key, route)).status, routeKey(route)).toBe(403);
    }
    const after = await api.ownerPrisma.apiKey.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(after.lastUsedAt).not.toBeNull();
  });

  it("a revoked key is refused at once", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const { id, secret } = await api.createApiKey(client, ["write"]);
    const key = api.client().withApiKey(secret);
    expect((await key.get("/api/v1/tenant")).status).toBe(200);
    expect((await client.delete(`/api/v1/api-keys/${id}`)).status).toBe(200);
    const refused = await key.get("/api/v1/tenant");
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toContain("revoked");
  });

  it("a tampered or unknown key is refused", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const { secret } = await api.createApiKey(client, ["read"]);
    const tampered = secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A");
    expect((await api.client().withApiKey(tampered).get("/api/v1/tenant")).status).toBe(401);
    expect((await api.client().withApiKey("nonsense").get("/api/v1/tenant")).status).toBe(401);
  });

  it("is rate limited per key", async () => {
    const limited = await startTestApi({ API_KEY_REQUESTS_PER_MINUTE: "3" });
    try {
      const { client } = await limited.createTenantWithMember("owner");
      const { secret } = await limited.createApiKey(client, ["read"]);
      const key = limited.client().withApiKey(secret);
      const statuses = [];
      for (let index = 0; index < 5; index++) statuses.push((await key.get("/api/v1/tenant")).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      // Another key of the same tenant is not affected.
      const other = await limited.createApiKey(client, ["read"]);
      expect((await limited.client().withApiKey(other.secret).get("/api/v1/tenant")).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
