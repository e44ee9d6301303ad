import { randomUUID } from "node:crypto";
import { asTenantId, recordAudit, withTenant, type Prisma } from "@idlife/db";
import type { TenantSettings } from "@idlife/contracts";
import { conflict } from "../../common/http/api-error.ts";
import { hashPassword } from "../auth/passwords.ts";
import { randomToken } from "../auth/secret-tokens.ts";

export interface CreateTenantInput {
  name: string;
  slug: string;
  owner: { email: string; displayName: string; password?: string };
}

export const defaultTenantSettings: TenantSettings = { timeZone: "Europe/Amsterdam", locale: "nl-NL" };

/**
 * Creates a tenant and makes the named person its owner, in one transaction. An existing
 * user keeps their password; a new user without a password gets an unusable one and must
 * use the password-reset flow.
 */
export async function createTenant(prisma: Prisma, input: CreateTenantInput) {
  const tenantId = asTenantId(randomUUID());
  const existingSlug = await prisma.tenant.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (existingSlug) throw conflict("slug_taken", `The tenant slug '${input.slug}' is already taken; choose another.`);
  const passwordHash = await hashPassword(input.owner.password ?? randomToken());
  return withTenant(prisma, tenantId, async (tx) => {
    const tenant = await tx.tenant.create({
      data: { id: tenantId, name: input.name, slug: input.slug, settings: defaultTenantSettings },
    });
    const user =
      (await tx.user.findUnique({ where: { email: input.owner.email } })) ??
      (await tx.user.create({ data: { email: input.owner.email, displayName: input.owner.displayName, passwordHash } }));
    const membership = await tx.membership.create({ data: { tenantId, userId: user.id, role: "owner" } });
    await recordAudit(tx, {
      tenantId,
      action: "tenant.create",
      targetType: "tenant",
      targetId: tenantId,
      after: { name: tenant.name, slug: tenant.slug, owner: user.email },
    });
    return { tenant, user, membership };
  });
}
