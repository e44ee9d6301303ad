// Membership by consent: a tenant admin can only invite an address; the answer never says whether
// (or who) has an account there, and the person joins only by accepting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, TEST_PASSWORD, type TestApi } from "./support/index.ts";
import { hashPassword } from "@idlife/use-cases";
import { requestPasswordReset } from "../src/modules/auth/password-reset.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ SELF_SERVICE_SIGNUP: "true" });
});
afterAll(async () => api?.close());

const unique = () => Math.random().toString(36).slice(2, 10);

/** A verified account (the platform administrator here), signed in, in no tenant. */
async function platformAdministrator() {
  const email = `platform-${unique()}@example.test`;
  const user = await api.ownerPrisma.user.create({
    data: { email, displayName: "Pat Platform-Admin", passwordHash: await hashPassword(TEST_PASSWORD), isPlatformAdmin: true, emailVerifiedAt: new Date() },
  });
  const client = api.client();
  expect((await client.signIn(email, TEST_PASSWORD)).status).toBe(200);
  return { email, user, client };
}

const shapeOf = (body: Record<string, unknown>) => Object.keys(body).sort();

describe("adding a member by email", () => {
  it("answers the platform admin's address like an unknown one: no name, no membership until accepted", async () => {
    const { client: tenantAdmin, tenantId } = await api.createTenantWithMember("owner");
    const admin = await platformAdministrator();

    const known = await tenantAdmin.post("/api/v1/members", { email: admin.email, displayName: "Whoever", role: "admin" });
    const unknown = await tenantAdmin.post("/api/v1/members", { email: `nobody-${unique()}@example.test`, displayName: "Whoever", role: "admin" });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(shapeOf(known.body)).toEqual(shapeOf(unknown.body));
    expect(known.body).toMatchObject({ email: admin.email, role: "admin" });
    expect(JSON.stringify(known.body)).not.toContain("Pat Platform-Admin");
    expect(await api.ownerPrisma.membership.count({ where: { userId: admin.user.id } })).toBe(0);
    expect((await tenantAdmin.get("/api/v1/members")).body.map((member: { email: string }) => member.email)).not.toContain(admin.email);

    // Signing in again does not put the admin's address or device into the inviting tenant's log.
    expect((await api.client().signIn(admin.email, TEST_PASSWORD, { headers: { "user-agent": "admin-browser" } })).status).toBe(200);
    const entries = await api.ownerPrisma.auditEntry.findMany({ where: { tenantId, actorId: admin.user.id } });
    expect(entries).toEqual([]);

    // The admin sees the invitation and accepts it: only now a membership exists.
    const pending = await admin.client.get("/api/v1/invitations");
    expect(pending.body).toEqual([expect.objectContaining({ tenantId, role: "admin" })]);
    const accepted = await admin.client.post(`/api/v1/invitations/${pending.body[0].id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ tenantId, role: "admin" });
    expect(await api.ownerPrisma.membership.count({ where: { tenantId, userId: admin.user.id, role: "admin" } })).toBe(1);
    expect((await admin.client.get("/api/v1/invitations")).body).toEqual([]);
    expect((await admin.client.post(`/api/v1/invitations/${pending.body[0].id}/accept`)).status).toBe(404);
  });

  it("leaves nothing behind when the invitee declines", async () => {
    const { client: tenantAdmin, tenantId } = await api.createTenantWithMember("owner");
    const invitee = await platformAdministrator();
    await tenantAdmin.post("/api/v1/members", { email: invitee.email, displayName: "X", role: "operator" });
    const [invitation] = (await invitee.client.get("/api/v1/invitations")).body;
    expect((await invitee.client.post(`/api/v1/invitations/${invitation.id}/decline`)).status).toBe(204);
    expect(await api.ownerPrisma.membership.count({ where: { tenantId, userId: invitee.user.id } })).toBe(0);
    expect((await invitee.client.get("/api/v1/invitations")).body).toEqual([]);
    expect((await invitee.client.post(`/api/v1/invitations/${invitation.id}/accept`)).status).toBe(404);
    expect((await tenantAdmin.get("/api/v1/members/invitations")).body).toEqual([]);
  });

  it("does not let someone else accept an invitation, nor an account whose address is unverified", async () => {
    const { client: tenantAdmin, tenantId } = await api.createTenantWithMember("owner");
    const invitee = await platformAdministrator();
    await tenantAdmin.post("/api/v1/members", { email: invitee.email, displayName: "X", role: "admin" });
    const [invitation] = (await invitee.client.get("/api/v1/invitations")).body;
    const stranger = await platformAdministrator();
    expect((await stranger.client.post(`/api/v1/invitations/${invitation.id}/accept`)).status).toBe(404);

    // Someone who registered an address that is not theirs never sees what is sent to it.
    const squatter = `teacher-${unique()}@school.example`;
    await api.ownerPrisma.user.create({ data: { email: squatter, displayName: "T", passwordHash: await hashPassword(TEST_PASSWORD) } });
    const invited = await tenantAdmin.post("/api/v1/members", { email: squatter, displayName: "Teacher", role: "operator" });
    expect(invited.status).toBe(202);
    const squatterClient = api.client();
    await squatterClient.signIn(squatter, TEST_PASSWORD);
    expect((await squatterClient.get("/api/v1/invitations")).body).toEqual([]);
    expect((await squatterClient.post(`/api/v1/invitations/${invited.body.id}/accept`)).status).toBe(404);
    expect(await api.ownerPrisma.membership.count({ where: { tenantId, user: { email: squatter } } })).toBe(0);
  });

  it("a withdrawn invitation can no longer be accepted", async () => {
    const { client: tenantAdmin, tenantId } = await api.createTenantWithMember("owner");
    const invitee = await platformAdministrator();
    const invited = await tenantAdmin.post("/api/v1/members", { email: invitee.email, displayName: "X", role: "operator" });
    expect((await tenantAdmin.get("/api/v1/members/invitations")).body).toEqual([expect.objectContaining({ id: invited.body.id, email: invitee.email })]);
    expect((await tenantAdmin.delete(`/api/v1/members/invitations/${invited.body.id}`)).status).toBe(204);
    expect((await invitee.client.get("/api/v1/invitations")).body).toEqual([]);
    expect((await invitee.client.post(`/api/v1/invitations/${invited.body.id}/accept`)).status).toBe(404);
    expect(await api.ownerPrisma.membership.count({ where: { tenantId, userId: invitee.user.id } })).toBe(0);
  });

  it("a person new to the platform sets a password through the link, then accepts", async () => {
    const { client: tenantAdmin, tenantId } = await api.createTenantWithMember("owner");
    const email = `servicedesk-${unique()}@example.test`;
    expect((await tenantAdmin.post("/api/v1/members", { email, displayName: "Servicedesk", role: "operator" })).status).toBe(202);
    const { token } = (await requestPasswordReset(api.ownerPrisma, email, 60))!;
    expect((await api.client().post("/api/v1/auth/password-reset/confirm", { token, password: "servicedesk password" })).status).toBe(204);
    const colleague = api.client();
    const signIn = await colleague.signIn(email, "servicedesk password");
    expect(signIn.body.memberships).toEqual([]);
    const [invitation] = (await colleague.get("/api/v1/invitations")).body;
    await colleague.post(`/api/v1/invitations/${invitation.id}/accept`);
    expect((await colleague.get("/api/v1/auth/me")).body.memberships).toEqual([expect.objectContaining({ tenantId, role: "operator" })]);
    const audit = await tenantAdmin.get("/api/v1/audit-log?action=member.invite");
    expect(audit.body.items[0].after).toEqual({ email, role: "operator" });
  });
});

describe("sign-up", () => {
  const signUp = (email: string) =>
    api.client().post("/api/v1/auth/sign-up", { email, displayName: "Founder", tenantName: `School ${unique()}` });

  it("answers an address that has an account exactly like a new one, and creates no user and no session", async () => {
    const { email: existing } = await api.createTenantWithMember("owner");
    const fresh = `founder-${unique()}@new-school.example`;
    const forNew = await signUp(fresh);
    const forExisting = await signUp(existing);
    expect(forExisting.status).toBe(forNew.status);
    expect(forNew.status).toBe(202);
    expect(forExisting.body).toEqual(JSON.parse(JSON.stringify(forNew.body).replaceAll(fresh, existing)));
    expect(forNew.headers.getSetCookie()).toEqual([]);
    expect(forExisting.headers.getSetCookie()).toEqual([]);
    expect(await api.ownerPrisma.user.count({ where: { email: existing } })).toBe(1);
  });

  it("offers the existing account the new tenant as an invitation it may accept", async () => {
    const { email, client } = await api.createTenantWithMember("owner");
    const tenantName = `School ${unique()}`;
    await api.client().post("/api/v1/auth/sign-up", { email, displayName: "Founder", tenantName });
    const [invitation] = (await client.forTenant(undefined).get("/api/v1/invitations")).body;
    expect(invitation).toMatchObject({ tenantName, role: "owner" });
  });

  it("a new owner continues through the link and owns the tenant", async () => {
    const email = `founder-${unique()}@new-school.example`;
    await api.client().post("/api/v1/auth/sign-up", { email, displayName: "Founder", tenantName: "Nieuwe Basisschool De Linde" });
    const { token } = (await requestPasswordReset(api.ownerPrisma, email, 60))!;
    await api.client().post("/api/v1/auth/password-reset/confirm", { token, password: "a long enough password" });
    const signIn = await api.client().signIn(email, "a long enough password");
    expect(signIn.body.memberships).toEqual([expect.objectContaining({ tenantSlug: "nieuwe-basisschool-de-linde", role: "owner" })]);
  });
});
