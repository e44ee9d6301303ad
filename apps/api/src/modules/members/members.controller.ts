import { Controller, Inject, Logger } from "@nestjs/common";
import { z } from "zod";
import { currentContext, recordAudit, requireTenantId, type TransactionClient } from "@idlife/db";
import { canAssignRole, type Role } from "@idlife/core";
import { addMemberRequestSchema, idParamsSchema, memberSchema, updateMemberRequestSchema } from "@idlife/contracts";
import { ApiError, conflict, forbidden, notFound } from "../../common/http/api-error.ts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { API_CONFIG } from "../../infrastructure/tokens.ts";
import type { ApiConfig } from "../../config/api-config.ts";
import { UNUSABLE_PASSWORD_HASH } from "../auth/passwords.ts";
import { issuePasswordResetToken } from "../auth/password-reset.ts";

const tags = ["Members"];
const INVITATION_TTL_MINUTES = 7 * 24 * 60;

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

@Controller("members")
export class MembersController {
  private readonly logger = new Logger("Members");

  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Endpoint({ method: "GET", path: "", access: tenantAccess("read"), summary: "People with access to this tenant", tags, response: z.array(memberSchema) })
  list() {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) =>
      (await tx.membership.findMany({ where: { tenantId }, include: { user: true }, orderBy: { createdAt: "asc" } })).map(toMember),
    );
  }

  @Endpoint({ method: "POST", path: "", access: tenantAccess("administer"), summary: "Give a person a role in this tenant; a person new to the platform gets an invitation link", tags, body: addMemberRequestSchema, response: memberSchema })
  async add(@ValidBody() body: z.infer<typeof addMemberRequestSchema>) {
    assertMayAssign(body.role);
    const tenantId = requireTenantId();
    const { member, invitation } = await this.db.run(async (tx) => {
      let user = await tx.user.findUnique({ where: { email: body.email } });
      let invitation: string | undefined;
      if (user && !user.emailVerifiedAt) {
        throw conflict("email_unverified", `${body.email} has an account whose email address is not verified yet. Ask them to use "Forgot password?" first, then add them again.`);
      }
      if (!user) {
        user = await tx.user.create({ data: { email: body.email, displayName: body.displayName, passwordHash: UNUSABLE_PASSWORD_HASH } });
        invitation = await issuePasswordResetToken(tx, user.id, INVITATION_TTL_MINUTES);
      }
      if (await tx.membership.findFirst({ where: { tenantId, userId: user.id } })) {
        throw conflict("already_member", `${body.email} is already a member of this tenant.`);
      }
      const membership = await tx.membership.create({ data: { tenantId, userId: user.id, role: body.role }, include: { user: true } });
      await recordAudit(tx, { action: "member.add", targetType: "membership", targetId: membership.id, after: { email: user.email, role: body.role, invited: Boolean(invitation) } });
      return { member: toMember(membership), invitation };
    });
    // Mail delivery arrives with notifications; until then development shows the link in the log.
    if (invitation && !this.config.production) {
      this.logger.log(`Invitation link for ${body.email}: ${this.config.publicUrl}/reset-password?token=${invitation}`);
    }
    return member;
  }

  @Endpoint({ method: "PATCH", path: ":id", access: tenantAccess("administer"), summary: "Change a member's role", tags, params: idParamsSchema, body: updateMemberRequestSchema, response: memberSchema })
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
      await recordAudit(tx, { action: "member.update", targetType: "membership", targetId: membership.id, before: { role: membership.role }, after: { role: body.role } });
      return toMember(updated);
    });
  }

  @Endpoint({ method: "DELETE", path: ":id", status: 204, access: tenantAccess("administer"), summary: "Remove a person from this tenant", tags, params: idParamsSchema })
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
      await recordAudit(tx, { action: "member.remove", targetType: "membership", targetId: membership.id, before: { email: membership.user.email, role: membership.role } });
    });
  }
}
