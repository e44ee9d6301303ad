import { randomUUID } from "node:crypto";
import { asTenantId, recordAudit, withTenant, type Prisma } from "@idlife/db";
import { tenantSettingsSchema, type TenantSettings } from "@idlife/contracts";
import { hashPassword, UNUSABLE_PASSWORD_HASH } from "../accounts/passwords.ts";
import { issuePasswordResetToken } from "../accounts/setup-token.ts";
import { INVITATION_TTL_MINUTES } from "../members/invitation-view.ts";
import { inviteToTenant } from "../members/invite-to-tenant.ts";
import { conflict } from "../use-case-error.ts";

export interface CreateTenantInput {
  name: string;
  slug: string;
  owner: { email: string; displayName: string; password?: string };
  /**
   * How the owner came to be: "platform" (a platform administrator or the seed vouches for the
   * address) or "sign-up" (self-service: the address is unverified; an address that already has
   * an account is invited to own the tenant instead, and the caller answers the same either way).
   */
  origin: "platform" | "sign-up";
}

export const defaultTenantSettings: TenantSettings = tenantSettingsSchema.parse({ timeZone: "Europe/Amsterdam", locale: "nl-NL" });

/**
 * Creates a tenant and makes the named person its owner, in one transaction. An existing user
 * keeps their password (and must have a verified address); a new user without a password gets
 * an invitation token to set one. Through sign-up an existing user is only invited: nobody
 * gains a tenant (nor learns that an account exists) by typing someone else's address.
 */
export async function createTenant(deps: { prisma: Prisma }, input: CreateTenantInput) {
  const { prisma } = deps;
  const tenantId = asTenantId(randomUUID());
  const existingSlug = await prisma.tenant.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (existingSlug) throw conflict("slug_taken", `The tenant slug '${input.slug}' is already taken; choose another.`);
  const passwordHash = input.owner.password ? await hashPassword(input.owner.password) : UNUSABLE_PASSWORD_HASH;
  return withTenant(prisma, tenantId, async (tx) => {
    const tenant = await tx.tenant.create({
      data: { id: tenantId, name: input.name, slug: input.slug, settings: defaultTenantSettings },
    });
    const existing = await tx.user.findUnique({ where: { email: input.owner.email } });
    if (existing && input.origin === "sign-up") {
      const { setupToken } = await inviteToTenant(tx, { tenantId, email: existing.email, displayName: input.owner.displayName, role: "owner", invitedById: null });
      await recordAudit(tx, { tenantId, action: "tenant.create", targetType: "tenant", targetId: tenantId, after: { name: tenant.name, slug: tenant.slug, ownerInvited: existing.email } });
      return { tenant, user: undefined, membership: undefined, invitation: setupToken };
    }
    if (existing && !existing.emailVerifiedAt) {
      throw conflict("email_unverified", `${input.owner.email} has an account whose email address is not verified yet; it cannot own another tenant until it is.`);
    }
    const user =
      existing ??
      (await tx.user.create({
        data: {
          email: input.owner.email,
          displayName: input.owner.displayName,
          passwordHash,
          emailVerifiedAt: input.origin === "platform" ? new Date() : null,
        },
      }));
    const invitation = !existing && !input.owner.password ? await issuePasswordResetToken(tx, user.id, INVITATION_TTL_MINUTES) : undefined;
    const membership = await tx.membership.create({ data: { tenantId, userId: user.id, role: "owner" } });
    await recordAudit(tx, {
      tenantId,
      action: "tenant.create",
      targetType: "tenant",
      targetId: tenantId,
      after: { name: tenant.name, slug: tenant.slug, owner: user.email },
    });
    return { tenant, user, membership, invitation };
  });
}
