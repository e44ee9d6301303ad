// The tenant's members: invitations (sent, renewed, answered), role changes and removal, with the
// rules on owners and on the API keys a member made. Real database, row-level security on.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Prisma, TenantId } from "@idlife/db";
import { acceptInvitation, changeMemberRole, declineInvitation, inviteMember, removeMember, UNUSABLE_PASSWORD_HASH, withdrawInvitation } from "../src/index.ts";
import { refusal, useUseCaseTest } from "./support.ts";

const ctx = useUseCaseTest();

const ownerActor = (userId: string) => ({ role: "owner" as const, userId });
const apiKeyActor = { role: "admin" as const, userId: null };

/** A person with a verified address and a membership of the tenant in the role. */
async function seedMember(owner: Prisma, tenantId: TenantId, role: "owner" | "admin" | "operator" | "auditor") {
  const user = await owner.user.create({ data: { email: `${randomUUID()}@example.org`, displayName: `A ${role}`, passwordHash: "x", emailVerifiedAt: new Date() } });
  const membership = await owner.membership.create({ data: { tenantId, userId: user.id, role } });
  return { user, membership };
}

describe("inviting members", () => {
  it("invites a new address (an account without a password, a set-up token for the invitee) and renews a repeated invitation", async () => {
    const { tenantId, db } = await ctx.newTenant();
    const { user } = await seedMember(ctx.owner, tenantId, "owner");
    const first = await inviteMember({ db }, { email: "New.Person@Example.org", displayName: "New Person", role: "operator", actor: ownerActor(user.id) });
    expect(first.invitation).toMatchObject({ email: "new.person@example.org", role: "operator" });
    expect(first.setupToken).toEqual(expect.any(String));
    expect(await ctx.owner.user.findUniqueOrThrow({ where: { email: "new.person@example.org" } })).toMatchObject({ passwordHash: UNUSABLE_PASSWORD_HASH, emailVerifiedAt: null });

    const again = await inviteMember({ db }, { email: "new.person@example.org", displayName: "New Person", role: "admin", actor: ownerActor(user.id) });
    expect(again.invitation).toMatchObject({ id: first.invitation.id, role: "admin" });
    expect(await ctx.owner.invitation.count({ where: { tenantId } })).toBe(1);
  });

  it("refuses an existing member, and an owner's role to anyone but an owner", async () => {
    const { tenantId, db } = await ctx.newTenant();
    const { user } = await seedMember(ctx.owner, tenantId, "admin");
    expect(await refusal(inviteMember({ db }, { email: user.email, displayName: "Again", role: "operator", actor: ownerActor(user.id) }))).toMatchObject({ status: 409, code: "already_member" });
    expect(await refusal(inviteMember({ db }, { email: "boss@example.org", displayName: "Boss", role: "owner", actor: apiKeyActor }))).toMatchObject({ status: 403, code: "insufficient_role" });
    expect(await ctx.owner.invitation.count({ where: { tenantId } })).toBe(0);
  });

  it("lets the invitee with a verified address accept once; declined or withdrawn invitations are gone for them", async () => {
    const { tenantId, db } = await ctx.newTenant();
    const { user: boss } = await seedMember(ctx.owner, tenantId, "owner");
    const invitee = await ctx.owner.user.create({ data: { email: `${randomUUID()}@example.org`, displayName: "Invitee", passwordHash: "x", emailVerifiedAt: new Date() } });
    const { invitation } = await inviteMember({ db }, { email: invitee.email, displayName: "Invitee", role: "auditor", actor: ownerActor(boss.id) });
    const answer = { invitationId: invitation.id, invitee: { userId: invitee.id, email: invitee.email } };

    expect(await acceptInvitation({ prisma: ctx.app }, answer)).toMatchObject({ tenantId, role: "auditor" });
    expect(await ctx.owner.membership.findFirstOrThrow({ where: { tenantId, userId: invitee.id } })).toMatchObject({ role: "auditor" });
    expect(await refusal(acceptInvitation({ prisma: ctx.app }, answer))).toMatchObject({ status: 404, code: "not_found" });

    // Another tenant's invitation, declined: it cannot be accepted afterwards.
    const other = await ctx.newTenant();
    const { user: otherBoss } = await seedMember(ctx.owner, other.tenantId, "owner");
    const declined = await inviteMember({ db: other.db }, { email: invitee.email, displayName: "Invitee", role: "admin", actor: ownerActor(otherBoss.id) });
    await declineInvitation({ prisma: ctx.app }, { ...answer, invitationId: declined.invitation.id });
    expect(await refusal(acceptInvitation({ prisma: ctx.app }, { ...answer, invitationId: declined.invitation.id }))).toMatchObject({ status: 404 });
    expect(await ctx.owner.membership.count({ where: { tenantId: other.tenantId, userId: invitee.id } })).toBe(0);

    const withdrawn = await inviteMember({ db }, { email: "later@example.org", displayName: "Later", role: "operator", actor: ownerActor(boss.id) });
    await withdrawInvitation({ db }, { invitationId: withdrawn.invitation.id, actor: ownerActor(boss.id) });
    expect(await ctx.owner.invitation.count({ where: { id: withdrawn.invitation.id } })).toBe(0);
  });

  it("shows an address that is not verified no invitation to accept", async () => {
    const { tenantId, db } = await ctx.newTenant();
    const { user: boss } = await seedMember(ctx.owner, tenantId, "owner");
    const squatter = await ctx.owner.user.create({ data: { email: `${randomUUID()}@example.org`, displayName: "Unverified", passwordHash: "x" } });
    const { invitation } = await inviteMember({ db }, { email: squatter.email, displayName: "Unverified", role: "admin", actor: ownerActor(boss.id) });
    expect(await refusal(acceptInvitation({ prisma: ctx.app }, { invitationId: invitation.id, invitee: { userId: squatter.id, email: squatter.email } }))).toMatchObject({ status: 404 });
    expect(await ctx.owner.membership.count({ where: { tenantId, userId: squatter.id } })).toBe(0);
  });
});

describe("changing and removing members", () => {
  it("keeps the last owner, and cuts a demoted member's API keys down to the new role", async () => {
    const { tenantId, db } = await ctx.newTenant();
    const boss = await seedMember(ctx.owner, tenantId, "owner");
    expect(await refusal(changeMemberRole({ db }, { membershipId: boss.membership.id, role: "admin", actor: ownerActor(boss.user.id) }))).toMatchObject({ status: 409, code: "last_owner" });
    expect(await refusal(removeMember({ db }, { membershipId: boss.membership.id, actor: ownerActor(boss.user.id) }))).toMatchObject({ status: 409, code: "last_owner" });

    const admin = await seedMember(ctx.owner, tenantId, "admin");
    const key = await ctx.owner.apiKey.create({ data: { tenantId, name: "Sync", prefix: "p1", secretHash: randomUUID(), scopes: ["admin"], createdById: admin.user.id } });
    expect(await changeMemberRole({ db }, { membershipId: admin.membership.id, role: "auditor", actor: ownerActor(boss.user.id) })).toMatchObject({ role: "auditor", email: admin.user.email });
    expect(await ctx.owner.apiKey.findUniqueOrThrow({ where: { id: key.id } })).toMatchObject({ scopes: ["read"], revokedAt: null });
  });

  it("revokes a removed member's keys, and finds no member of another tenant", async () => {
    const { tenantId, db } = await ctx.newTenant();
    const boss = await seedMember(ctx.owner, tenantId, "owner");
    const operator = await seedMember(ctx.owner, tenantId, "operator");
    const key = await ctx.owner.apiKey.create({ data: { tenantId, name: "Reader", prefix: "p2", secretHash: randomUUID(), scopes: ["read"], createdById: operator.user.id } });
    const stranger = await seedMember(ctx.owner, (await ctx.newTenant()).tenantId, "admin");
    expect(await refusal(removeMember({ db }, { membershipId: stranger.membership.id, actor: ownerActor(boss.user.id) }))).toMatchObject({ status: 404, code: "not_found" });

    await removeMember({ db }, { membershipId: operator.membership.id, actor: ownerActor(boss.user.id) });
    expect(await ctx.owner.membership.count({ where: { id: operator.membership.id } })).toBe(0);
    expect((await ctx.owner.apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).not.toBeNull();
    expect(await ctx.owner.membership.count({ where: { id: stranger.membership.id } })).toBe(1);
  });
});
