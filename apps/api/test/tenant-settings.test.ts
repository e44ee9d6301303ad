// The tenant's settings the portal edits, and the invitation link an administrator passes on
// while the platform sends no mail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFactories } from "@idlife/testing";
import { startTestApi, type TestApi } from "./support/index.ts";

const ctx = useFactories();

describe("the tenant's name convention", () => {
  it("is stored, and re-decides the persons (a configuration snapshot)", async () => {
    const { client, tenantId } = await ctx.newTenant({ role: "admin" });
    const response = await client.patch("/api/v1/tenant", { settings: { nameConvention: "PB" } });
    expect(response.status).toBe(200);
    expect(response.body.settings.nameConvention).toBe("PB");
    expect((await client.get("/api/v1/tenant")).body.settings).toMatchObject({ nameConvention: "PB", timeZone: "Europe/Amsterdam" });
    expect(await ctx.api.ownerPrisma.snapshot.count({ where: { tenantId, cause: "configuration" } })).toBe(1);
  });

  it("refuses a convention other than B, P, BP or PB and changes nothing", async () => {
    const { client, tenantId } = await ctx.newTenant({ role: "admin" });
    const response = await client.patch("/api/v1/tenant", { settings: { nameConvention: "X" } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBeDefined();
    expect((await client.get("/api/v1/tenant")).body.settings.nameConvention).toBeUndefined();
    expect(await ctx.api.ownerPrisma.snapshot.count({ where: { tenantId } })).toBe(0);
  });
});

describe("the tenant's retention of raw versions and history", () => {
  it("defaults to a year of raw versions and history forever, and stores a setting within its bounds", async () => {
    const { client } = await ctx.newTenant({ role: "admin" });
    expect((await client.get("/api/v1/tenant")).body.settings.retention).toEqual({ rawVersionDays: 365, historyDays: null });
    const response = await client.patch("/api/v1/tenant", { settings: { retention: { rawVersionDays: 30, historyDays: 3650 } } });
    expect(response.status).toBe(200);
    expect((await client.get("/api/v1/tenant")).body.settings.retention).toEqual({ rawVersionDays: 30, historyDays: 3650 });
  });

  it.each([
    { rawVersionDays: 29, historyDays: null },
    { rawVersionDays: 3651, historyDays: null },
    { rawVersionDays: 365, historyDays: 89 },
    { rawVersionDays: 365, historyDays: 3651 },
    { rawVersionDays: 100.5, historyDays: null },
    { rawVersionDays: 365, historyDays: null, everything: true },
  ])("refuses %o with 400 and changes nothing", async (retention) => {
    const { client } = await ctx.newTenant({ role: "admin" });
    const response = await client.patch("/api/v1/tenant", { settings: { retention } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBeDefined();
    expect((await client.get("/api/v1/tenant")).body.settings.retention).toEqual({ rawVersionDays: 365, historyDays: null });
  });
});

describe("the invitation link in the answer (no mail yet)", () => {
  it("gives a new address a one-time link to set a password, which then leads to the invitation", async () => {
    const { client } = await ctx.newTenant();
    const email = `colleague-${Date.now()}@example.test`;
    const response = await client.post("/api/v1/members", { email, displayName: "Colleague", role: "operator" });
    expect(response.status).toBe(202);
    const link = new URL(response.body.invitationLink);
    expect(link.pathname).toBe("/reset-password");
    const token = link.searchParams.get("token")!;
    expect((await ctx.api.client().post("/api/v1/auth/password-reset/confirm", { token, password: "colleague's own password" })).status).toBe(204);
    // The link works once.
    expect((await ctx.api.client().post("/api/v1/auth/password-reset/confirm", { token, password: "someone else's password" })).status).toBe(400);
    const colleague = ctx.api.client();
    await colleague.signIn(email, "colleague's own password");
    expect((await colleague.get("/api/v1/invitations")).body).toEqual([expect.objectContaining({ role: "operator" })]);
  });

  it("never gives a password link for an address that already has an account, only the invitations page", async () => {
    const { client } = await ctx.newTenant();
    const { email } = await ctx.api.createUser();
    const response = await client.post("/api/v1/members", { email, displayName: "Someone", role: "auditor" });
    expect(response.status).toBe(202);
    expect(new URL(response.body.invitationLink).pathname).toBe("/invitations");
    expect(response.body.invitationLink).not.toContain("token");
  });
});

describe("the platform administrator's tenants", () => {
  it("creates a tenant whose new owner gets a link to set a password, and lists it", async () => {
    const admin = await ctx.api.createUser({ isPlatformAdmin: true });
    const client = ctx.api.client();
    await client.signIn(admin.email, "correct horse battery staple");
    const slug = `school-${Date.now()}`;
    const created = await client.post("/api/v1/platform/tenants", { name: "Basisschool De Linde", slug, owner: { email: `${slug}@example.test`, displayName: "Directeur" } });
    expect(created.status).toBe(201);
    expect(new URL(created.body.ownerInvitationLink).pathname).toBe("/reset-password");
    expect((await client.get("/api/v1/platform/tenants")).body.map((tenant: { slug: string }) => tenant.slug)).toContain(slug);
  });
});

describe("without invitation links in the answer (a shared platform)", () => {
  let quiet: TestApi;
  beforeAll(async () => {
    quiet = await startTestApi({ INVITATION_LINKS_IN_ANSWER: "false" });
  });
  afterAll(async () => quiet?.close());

  it("answers an invitation without a link, so the tenant learns nothing about the address", async () => {
    const { client } = await quiet.createTenantWithMember("owner");
    const response = await client.post("/api/v1/members", { email: `someone-${Date.now()}@example.test`, displayName: "Someone", role: "operator" });
    expect(response.status).toBe(202);
    expect(response.body).not.toHaveProperty("invitationLink");
    expect(JSON.stringify(response.body)).not.toContain("token");
  });
});
