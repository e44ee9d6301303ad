import { asTenantId, recordAudit, withTenant, withUser, type Actor, type AuditRecord, type Prisma, type UserId } from "@idlife/db";

/**
 * Account events (sign-in, password reset) belong to a person, not a tenant; each tenant the
 * person is a member of gets the entry, so its auditors see who entered their tenant. A person
 * without memberships gets a platform entry (tenant null).
 */
export async function recordForUserTenants(prisma: Prisma, userId: UserId, actor: Actor, record: AuditRecord) {
  const memberships = await withUser(prisma, userId, (tx) =>
    tx.membership.findMany({ where: { userId }, select: { tenantId: true } }),
  );
  if (memberships.length === 0) {
    await prisma.$transaction((tx) => recordAudit(tx, { ...record, actor, tenantId: null }));
    return;
  }
  for (const { tenantId } of memberships) {
    await withTenant(prisma, asTenantId(tenantId), (tx) => recordAudit(tx, { ...record, actor, tenantId: asTenantId(tenantId) }));
  }
}

export async function loadCurrentUser(prisma: Prisma, userId: UserId) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  const memberships = await withUser(prisma, userId, (tx) =>
    tx.membership.findMany({ where: { userId }, include: { tenant: true }, orderBy: { tenant: { name: "asc" } } }),
  );
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    isPlatformAdmin: user.isPlatformAdmin,
    memberships: memberships
      .filter((membership) => membership.tenant.status === "active")
      .map((membership) => ({
        tenantId: membership.tenantId,
        tenantName: membership.tenant.name,
        tenantSlug: membership.tenant.slug,
        role: membership.role,
      })),
  };
}
