import { Controller, Inject, Logger } from "@nestjs/common";
import { z } from "zod";
import { currentContext, recordAudit, requireTenantId, type TransactionClient } from "@idlife/db";
import { canAssignRole, type Role } from "@idlife/core";
import { addMemberRequestSchema, idParamsSchema, memberRoutes, updateMemberRequestSchema } from "@idlife/contracts";
import { ApiError, forbidden, notFound } from "../../common/http/api-error.ts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { API_CONFIG } from "../../infrastructure/tokens.ts";
import type { ApiConfig } from "../../config/api-config.ts";
import { inviteToTenant, pendingInvitation, toInvitation } from "./invitations.ts";
import { fitKeysToMember } from "./member-api-keys.ts";

type MemberRow = { id: string; userId: string; role: string; createdAt: Date; user: { email: string; displayName: string } };
const toMember = (row: MemberRow) => ({
  id: row.id,
  userId: row.userId,
  email: row.user.email,
  displayName: row.user.displayName,
  role: row.role as Role,
  createdAt: row.createdAt.toISOString(),
});

/** The caller's role for assigning roles: a person's own role; an API key counts as admin. */
function actingRole(): Role {
  const context = currentContext();
  return context.actor?.type === "user" ? (context.role as Role) : "admin";
}

function assertMayAssign(role: Role) {
  if (!canAssignRole(actingRole(), role)) {
    throw forbidden("insufficient_role", `Only an owner (a person, not an API key) may assign or change the role '${role}'.`);
  }
}

/** Serialises owner changes per tenant, so two owners demoting each other cannot leave none. */
async function lockTenant(tx: TransactionClient, tenantId: string) {
  await tx.$queryRaw`SELECT id FROM tenants WHERE id = ${tenantId}::uuid FOR UPDATE`;
}

async function assertAnotherOwner(tx: TransactionClient, tenantId: string, membershipId: string) {
  const owners = await tx.membership.count({ where: { tenantId, role: "owner", id: { not: membershipId } } });
  if (owners === 0) throw new ApiError(409, "last_owner", "A tenant needs at least one owner; make someone else owner first.");
}

@Controller()
export class MembersController {
  private readonly logger = new Logger("Members");

  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Endpoint({ route: memberRoutes.list, access: tenantAccess("read") })
  list() {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) =>
      (await tx.membership.findMany({ where: { tenantId }, include: { user: true }, orderBy: { createdAt: "asc" } })).map(toMember),
    );
  }

  @Endpoint({ route: memberRoutes.listInvitations, access: tenantAccess("read") })
  listInvitations() {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) =>
      (await tx.invitation.findMany({ where: { tenantId, ...pendingInvitation() }, orderBy: { createdAt: "asc" } })).map(toInvitation),
    );
  }

  @Endpoint({ route: memberRoutes.add, status: 202, access: tenantAccess("administer") })
  async add(@ValidBody() body: z.infer<typeof addMemberRequestSchema>) {
    assertMayAssign(body.role);
    const tenantId = requireTenantId();
    const actor = currentContext().actor;
    const { invitation, setupToken } = await this.db.run(async (tx) => {
      const outcome = await inviteToTenant(tx, { tenantId, email: body.email, displayName: body.displayName, role: body.role, invitedById: actor?.type === "user" ? actor.id : null });
      await recordAudit(tx, { action: "member.invite", targetType: "invitation", targetId: outcome.invitation.id, after: { email: body.email, role: body.role } });
      return outcome;
    });
    // Mail delivery arrives with notifications; until then the administrator passes the link on.
    // Never a token for an existing account: that would hand its password to the inviting tenant.
    const link = setupToken ? `${this.config.publicUrl}/reset-password?token=${setupToken}` : `${this.config.publicUrl}/invitations`;
    if (!this.config.production) this.logger.log(`Invitation for ${body.email} (set a password, then accept after signing in): ${link}`);
    return { ...toInvitation(invitation), ...(this.config.invitationLinksInAnswer ? { invitationLink: link } : {}) };
  }

  @Endpoint({ route: memberRoutes.withdrawInvitation, status: 204, access: tenantAccess("administer") })
  async withdrawInvitation(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    await this.db.run(async (tx) => {
      const invitation = await tx.invitation.findFirst({ where: { id: params.id, tenantId, ...pendingInvitation() } });
      if (!invitation) throw notFound("Invitation");
      assertMayAssign(invitation.role as Role);
      await tx.invitation.delete({ where: { id: invitation.id } });
      await recordAudit(tx, { action: "member.invitation_withdraw", targetType: "invitation", targetId: invitation.id, before: { email: invitation.email, role: invitation.role } });
    });
  }

  @Endpoint({ route: memberRoutes.update, access: tenantAccess("administer") })
  async update(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof updateMemberRequestSchema>) {
    assertMayAssign(body.role);
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      await lockTenant(tx, tenantId);
      const membership = await tx.membership.findFirst({ where: { id: params.id, tenantId }, include: { user: true } });
      if (!membership) throw notFound("Member");
      if (membership.role === "owner") {
        assertMayAssign("owner");
        if (body.role !== "owner") await assertAnotherOwner(tx, tenantId, membership.id);
      }
      const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: body.role }, include: { user: true } });
      await fitKeysToMember(tx, tenantId, membership.userId, body.role);
      await recordAudit(tx, { action: "member.update", targetType: "membership", targetId: membership.id, before: { role: membership.role }, after: { role: body.role } });
      return toMember(updated);
    });
  }

  @Endpoint({ route: memberRoutes.remove, status: 204, access: tenantAccess("administer") })
  async remove(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    await this.db.run(async (tx) => {
      await lockTenant(tx, tenantId);
      const membership = await tx.membership.findFirst({ where: { id: params.id, tenantId }, include: { user: true } });
      if (!membership) throw notFound("Member");
      if (membership.role === "owner") {
        assertMayAssign("owner");
        await assertAnotherOwner(tx, tenantId, membership.id);
      }
      await tx.membership.delete({ where: { id: membership.id } });
      await fitKeysToMember(tx, tenantId, membership.userId, null);
      await recordAudit(tx, { action: "member.remove", targetType: "membership", targetId: membership.id, before: { email: membership.user.email, role: membership.role } });
    });
  }
}
