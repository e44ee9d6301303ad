import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { recordAudit, requireTenantId, currentContext, type Prisma } from "@idlife/db";
import { canAssignRole, type Role } from "@idlife/core";
import { addMemberRequestSchema, idParamsSchema, memberSchema, updateMemberRequestSchema } from "@idlife/contracts";
import { ApiError, conflict, forbidden, notFound } from "../../common/http/api-error.ts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { PRISMA } from "../../infrastructure/tokens.ts";
import { hashPassword } from "../auth/passwords.ts";
import { randomToken } from "../auth/secret-tokens.ts";

const tags = ["Members"];

type MemberRow = { id: string; userId: string; role: string; createdAt: Date; user: { email: string; displayName: string } };
const toMember = (row: MemberRow) => ({
  id: row.id,
  userId: row.userId,
  email: row.user.email,
  displayName: row.user.displayName,
  role: row.role as Role,
  createdAt: row.createdAt.toISOString(),
});

/** An API key acts with admin scope; only people have a role that limits what they hand out. */
function assertMayAssign(role: Role) {
  const context = currentContext();
  if (context.actor?.type === "user" && !canAssignRole(context.role as Role, role)) {
    throw forbidden("insufficient_role", `Your role '${context.role}' may not assign the role '${role}'.`);
  }
}

@Controller("members")
export class MembersController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(PRISMA) private readonly prisma: Prisma,
  ) {}

  @Endpoint({ method: "GET", path: "", access: tenantAccess("read"), summary: "People with access to this tenant", tags, response: z.array(memberSchema) })
  list() {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) =>
      (await tx.membership.findMany({ where: { tenantId }, include: { user: true }, orderBy: { createdAt: "asc" } })).map(toMember),
    );
  }

  @Endpoint({ method: "POST", path: "", access: tenantAccess("administer"), summary: "Give a person a role in this tenant", tags, body: addMemberRequestSchema, response: memberSchema })
  async add(@ValidBody() body: z.infer<typeof addMemberRequestSchema>) {
    assertMayAssign(body.role);
    const tenantId = requireTenantId();
    const passwordHash = await hashPassword(body.password ?? randomToken());
    return this.db.run(async (tx) => {
      const user =
        (await tx.user.findUnique({ where: { email: body.email } })) ??
        (await tx.user.create({ data: { email: body.email, displayName: body.displayName, passwordHash } }));
      const existing = await tx.membership.findFirst({ where: { tenantId, userId: user.id } });
      if (existing) throw conflict("already_member", `${body.email} is already a member of this tenant.`);
      const membership = await tx.membership.create({ data: { tenantId, userId: user.id, role: body.role }, include: { user: true } });
      await recordAudit(tx, { action: "member.add", targetType: "membership", targetId: membership.id, after: { email: user.email, role: body.role } });
      return toMember(membership);
    });
  }

  @Endpoint({ method: "PATCH", path: ":id", access: tenantAccess("administer"), summary: "Change a member's role", tags, params: idParamsSchema, body: updateMemberRequestSchema, response: memberSchema })
  async update(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof updateMemberRequestSchema>) {
    assertMayAssign(body.role);
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const membership = await tx.membership.findFirst({ where: { id: params.id, tenantId }, include: { user: true } });
      if (!membership) throw notFound("Member");
      if (membership.role === "owner") assertMayAssign("owner");
      if (membership.role === "owner" && body.role !== "owner") await this.assertAnotherOwner(tx, tenantId, membership.id);
      const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: body.role }, include: { user: true } });
      await recordAudit(tx, { action: "member.update", targetType: "membership", targetId: membership.id, before: { role: membership.role }, after: { role: body.role } });
      return toMember(updated);
    });
  }

  @Endpoint({ method: "DELETE", path: ":id", status: 204, access: tenantAccess("administer"), summary: "Remove a person from this tenant", tags, params: idParamsSchema })
  async remove(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    await this.db.run(async (tx) => {
      const membership = await tx.membership.findFirst({ where: { id: params.id, tenantId }, include: { user: true } });
      if (!membership) throw notFound("Member");
      if (membership.role === "owner") {
        assertMayAssign("owner");
        await this.assertAnotherOwner(tx, tenantId, membership.id);
      }
      await tx.membership.delete({ where: { id: membership.id } });
      await recordAudit(tx, { action: "member.remove", targetType: "membership", targetId: membership.id, before: { email: membership.user.email, role: membership.role } });
    });
  }

  private async assertAnotherOwner(tx: Parameters<Parameters<TenantDatabase["run"]>[0]>[0], tenantId: string, membershipId: string) {
    const owners = await tx.membership.count({ where: { tenantId, role: "owner", id: { not: membershipId } } });
    if (owners === 0) throw new ApiError(409, "last_owner", "A tenant needs at least one owner; make someone else owner first.");
  }
}
