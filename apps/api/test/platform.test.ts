import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, TEST_PASSWORD, type TestApi } from "./support/index.ts";
import { hashPassword } from "@idlife/use-cases";
import { requestPasswordReset } from "../src/modules/auth/password-reset.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ SELF_SERVICE_SIGNUP: "false" });
});
afterAll(async () => api?.close());

async function signInPlatformAdmin() {
  const email = `platform-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
  await api.ownerPrisma.user.create({
    data: { email, displayName: "Platform", passwordHash: await hashPassword(TEST_PASSWORD), isPlatformAdmin: true },
  });
  const client = api.client();
  expect((await client.signIn(email, TEST_PASSWORD)).status).toBe(200);
  return client;
}

describe("platform administration", () => {
  it("a platform admin creates a tenant whose owner can sign in and sees only that tenant", async () => {
    const admin = await signInPlatformAdmin();
    const created = await admin.post("/api/v1/platform/tenants", {
      name: "Zorggroep Rivierenland",
      slug: "zorggroep-rivierenland",
      owner: { email: "ict@rivierenland.example", displayName: "ICT", password: "a strong owner password" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Zorggroep Rivierenland", slug: "zorggroep-rivierenland", status: "active" });

    const owner = api.client();
    const signIn = await owner.signIn("ict@rivierenland.example", "a strong owner password");
    expect(signIn.body.memberships).toEqual([expect.objectContaining({ tenantId: created.body.id, role: "owner" })]);
    const audit = await owner.forTenant(created.body.id).get("/api/v1/audit-log?action=tenant.create");
    expect(audit.body.items[0]).toMatchObject({ actorType: "user", targetId: created.body.id });

    const list = await admin.get("/api/v1/platform/tenants");
    expect(list.body.map((tenant: { slug: string }) => tenant.slug)).toContain("zorggroep-rivierenland");
  });

  it("refuses a slug that is taken, and changes nothing", async () => {
    const admin = await signInPlatformAdmin();
    const { slug } = await api.createTenantWithMember("owner");
    const before = await api.ownerPrisma.tenant.count();
    const response = await admin.post("/api/v1/platform/tenants", { name: "Dup", slug, owner: { email: "dup@example.test", displayName: "Dup" } });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("slug_taken");
    expect(await api.ownerPrisma.tenant.count()).toBe(before);
    expect(await api.ownerPrisma.user.count({ where: { email: "dup@example.test" } })).toBe(0);
  });

  it("a platform admin is not a member of tenants by being platform admin", async () => {
    const admin = await signInPlatformAdmin();
    const { tenantId } = await api.createTenantWithMember("owner");
    const response = await admin.forTenant(tenantId).get("/api/v1/members");
    expect(response.status).toBe(403);
  });

  it("self-service sign-up can be switched off", async () => {
    const config = await api.client().get("/api/v1/auth/config");
    expect(config.body).toEqual({ selfServiceSignUp: false });
    const response = await api.client().post("/api/v1/auth/sign-up", {
      email: "someone@example.test",
      displayName: "Someone",
      tenantName: "Some School",
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("sign_up_disabled");
    expect(await api.ownerPrisma.user.count({ where: { email: "someone@example.test" } })).toBe(0);
  });
});

describe("members", () => {
  it("an admin invites a colleague who sets a password through the link, accepts and signs in with the role given", async () => {
    const { client, tenantId } = await api.createTenantWithMember("owner");
    const added = await client.post("/api/v1/members", { email: "servicedesk@example.test", displayName: "Servicedesk", role: "operator" });
    expect(added.status).toBe(202);
    // Until the colleague sets a password, nothing signs in as them.
    const user = await api.ownerPrisma.user.findUniqueOrThrow({ where: { email: "servicedesk@example.test" } });
    expect(user.emailVerifiedAt).toBeNull();
    expect(await api.ownerPrisma.passwordResetToken.count({ where: { userId: user.id, usedAt: null } })).toBe(1);
    const { token } = (await requestPasswordReset(api.ownerPrisma, "servicedesk@example.test", 60))!;
    expect((await api.client().post("/api/v1/auth/password-reset/confirm", { token, password: "servicedesk password" })).status).toBe(204);
    const colleague = api.client();
    await colleague.signIn("servicedesk@example.test", "servicedesk password");
    const [invitation] = (await colleague.get("/api/v1/invitations")).body;
    expect((await colleague.post(`/api/v1/invitations/${invitation.id}/accept`)).status).toBe(200);
    const signIn = await colleague.signIn("servicedesk@example.test", "servicedesk password");
    expect(signIn.body.memberships).toEqual([expect.objectContaining({ tenantId, role: "operator" })]);
    const audit = await client.get("/api/v1/audit-log?action=member.add");
    expect(audit.body.items[0].after).toMatchObject({ email: "servicedesk@example.test", role: "operator" });
    expect(JSON.stringify(audit.body.items[0])).not.toContain("servicedesk password");
  });

  it("never lets an admin set a password for someone else's address", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const response = await client.post("/api/v1/members", { email: "ceo@elsewhere.example", displayName: "CEO", role: "auditor", password: "attacker chosen password" });
    expect(response.status).toBe(400);
    expect(await api.ownerPrisma.user.count({ where: { email: "ceo@elsewhere.example" } })).toBe(0);
  });

  it("does not link an account whose address is unverified to another tenant", async () => {
    // Someone signs up with an address that is not theirs...
    const squatter = await api.client().post("/api/v1/auth/sign-up", { email: "teacher@school.example", displayName: "T", tenantName: "Squat" });
    expect(squatter.status).toBe(403); // sign-up is off in this file's API
    const user = await api.ownerPrisma.user.create({ data: { email: "teacher@school.example", displayName: "T", passwordHash: await hashPassword("squatter password 1") } });
    // ...and the real school later adds that address: refused until the address is verified.
    const { client } = await api.createTenantWithMember("owner");
    const response = await client.post("/api/v1/members", { email: "teacher@school.example", displayName: "Teacher", role: "operator" });
    expect(response.status).toBe(202);
    expect(await api.ownerPrisma.membership.count({ where: { userId: user.id } })).toBe(0);
    const squatterClient = api.client();
    await squatterClient.signIn("teacher@school.example", "squatter password 1");
    expect((await squatterClient.post(`/api/v1/invitations/${response.body.id}/accept`)).status).toBe(404);
    expect(await api.ownerPrisma.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("removing a member ends their access to the tenant at once", async () => {
    const { client, tenantId } = await api.createTenantWithMember("owner");
    const member = await api.addMember(tenantId, "admin");
    expect((await member.client.get("/api/v1/members")).status).toBe(200);
    const membership = await api.ownerPrisma.membership.findFirstOrThrow({ where: { tenantId, user: { email: member.email } } });
    expect((await client.delete(`/api/v1/members/${membership.id}`)).status).toBe(204);
    expect((await member.client.get("/api/v1/members")).status).toBe(403);
  });
});
