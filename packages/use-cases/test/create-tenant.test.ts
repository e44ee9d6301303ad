// A tenant and its first owner: the platform vouches for the owner's address, a sign-up does
// not, so typing someone else's address at sign-up only invites them.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTenant } from "../src/index.ts";
import { refusal, useUseCaseTest } from "./support.ts";

const ctx = useUseCaseTest();
const slug = () => `school-${randomUUID().slice(0, 8)}`;

describe("createTenant", () => {
  it("makes a new person the owner, with a link to set a password, and refuses a slug that is taken", async () => {
    const email = `${randomUUID()}@example.org`;
    const created = await createTenant({ prisma: ctx.owner }, { name: "De Linde", slug: slug(), owner: { email, displayName: "Directeur" }, origin: "platform" });
    expect(created.invitation).toEqual(expect.any(String));
    expect(await ctx.owner.membership.findFirstOrThrow({ where: { tenantId: created.tenant.id } })).toMatchObject({ userId: created.user!.id, role: "owner" });
    expect((await ctx.owner.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();

    const taken = refusal(createTenant({ prisma: ctx.owner }, { name: "Again", slug: created.tenant.slug, owner: { email, displayName: "Directeur" }, origin: "platform" }));
    expect(await taken).toMatchObject({ status: 409, code: "slug_taken" });
  });

  it("only invites an address that already has an account when it signs up, so no one gains a tenant by typing it", async () => {
    const someone = await ctx.owner.user.create({ data: { email: `${randomUUID()}@example.org`, displayName: "Someone", passwordHash: "x", emailVerifiedAt: new Date() } });
    const created = await createTenant({ prisma: ctx.owner }, { name: "Sign-up", slug: slug(), owner: { email: someone.email, displayName: "Impostor" }, origin: "sign-up" });
    expect(created.user).toBeUndefined();
    expect(await ctx.owner.membership.count({ where: { tenantId: created.tenant.id } })).toBe(0);
    expect(await ctx.owner.invitation.findFirstOrThrow({ where: { tenantId: created.tenant.id } })).toMatchObject({ email: someone.email, role: "owner" });
  });
});
