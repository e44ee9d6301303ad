// An API key answers for the person who created it: it never outlives their membership nor
// exceeds their role.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support/index.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

async function adminWithKey() {
  const { client: owner, tenantId } = await api.createTenantWithMember("owner");
  const admin = await api.addMember(tenantId, "admin");
  const { id, secret } = await api.createApiKey(admin.client, ["admin"]);
  const membership = await api.ownerPrisma.membership.findFirstOrThrow({ where: { tenantId, user: { email: admin.email } } });
  return { owner, tenantId, admin, keyId: id, key: api.client().withApiKey(secret), membershipId: membership.id };
}

describe("API keys and their creators", () => {
  it("a removed member's keys stop working, including keys made with their keys", async () => {
    const { owner, key, membershipId } = await adminWithKey();
    const child = await key.post("/api/v1/api-keys", { name: "made by a key", scopes: ["admin"] });
    expect(child.status).toBe(201);
    const childKey = api.client().withApiKey(child.body.secret);
    expect((await key.get("/api/v1/members")).status).toBe(200);

    expect((await owner.delete(`/api/v1/members/${membershipId}`)).status).toBe(204);
    const refused = await key.get("/api/v1/members");
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toContain("revoked");
    expect((await childKey.get("/api/v1/members")).status).toBe(401);
    // ...so the key cannot bring its creator back either.
    expect((await key.post("/api/v1/members", { email: "back@example.test", displayName: "B", role: "admin" })).status).toBe(401);
  });

  it.each(["operator", "auditor"] as const)("a member demoted to %s keeps only what the new role covers", async (role) => {
    const { owner, tenantId, key, keyId, membershipId } = await adminWithKey();
    expect((await key.get("/api/v1/members")).status).toBe(200);
    expect((await owner.patch(`/api/v1/members/${membershipId}`, { role })).status).toBe(200);
    // No more administration (member list is "read"; changing members is "administer").
    expect((await key.post("/api/v1/members", { email: "x@example.test", displayName: "X", role: "auditor" })).status).toBe(403);
    expect((await key.get("/api/v1/api-keys")).status).toBe(403);
    expect((await key.get("/api/v1/tenant")).body.id).toBe(tenantId);
    const listed = (await owner.get("/api/v1/api-keys")).body.find((item: { id: string }) => item.id === keyId);
    expect(listed.scopes).toEqual(["read"]);
  });

  it("lists who created each key", async () => {
    const { owner, admin, keyId } = await adminWithKey();
    const listed = (await owner.get("/api/v1/api-keys")).body.find((item: { id: string }) => item.id === keyId);
    expect(listed.createdBy).toEqual({ id: expect.any(String), email: admin.email, displayName: "admin person" });
  });
});
