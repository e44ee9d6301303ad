import { Controller, Inject, Req } from "@nestjs/common";
import { z } from "zod";
import { asTenantId, asUserId, recordAudit, withTenant, withUser, type Prisma, type TransactionClient } from "@idlife/db";
import type { Role } from "@idlife/core";
import { idParamsSchema, invitationRoutes } from "@idlife/contracts";
import { notFound } from "../../common/http/api-error.ts";
import { Endpoint, signedIn } from "../../common/http/endpoint.decorator.ts";
import { ValidParams } from "../../common/http/validated.ts";
import type { AuthenticatedRequest } from "../../common/auth/access.guard.ts";
import { PRISMA } from "../../infrastructure/tokens.ts";
import { requireUser } from "../auth/authenticate.ts";
import type { SessionUser } from "../auth/sessions.ts";
import { pendingInvitation } from "./invitations.ts";

/**
 * The invitee's side: a signed-in person sees the invitations addressed to their own, verified,
 * address and accepts or declines them. An account whose address is not verified sees none, so
 * someone who signed up with another person's address cannot take up that person's invitations.
 */
@Controller()
export class InvitationsController {
  constructor(@Inject(PRISMA) private readonly prisma: Prisma) {}

  @Endpoint({ route: invitationRoutes.list, access: signedIn })
  async list(@Req() request: AuthenticatedRequest) {
    const user = requireUser(request.caller);
    if (!(await this.verified(user))) return [];
    const invitations = await withUser(this.prisma, user.userId, (tx) =>
      tx.invitation.findMany({ where: { email: user.email, ...pendingInvitation(), tenant: { status: "active" } }, include: { tenant: true }, orderBy: { createdAt: "asc" } }),
    );
    return invitations.map((invitation) => ({
      id: invitation.id,
      tenantId: invitation.tenantId,
      tenantName: invitation.tenant.name,
      role: invitation.role as Role,
      expiresAt: invitation.expiresAt.toISOString(),
    }));
  }

  @Endpoint({ route: invitationRoutes.accept, status: 200, access: signedIn })
  async accept(@ValidParams() params: z.infer<typeof idParamsSchema>, @Req() request: AuthenticatedRequest) {
    const user = requireUser(request.caller);
    return this.answer(user, params.id, async (tx, invitation) => {
      const existing = await tx.membership.findFirst({ where: { tenantId: invitation.tenantId, userId: user.userId } });
      const membership = existing ?? (await tx.membership.create({ data: { tenantId: invitation.tenantId, userId: user.userId, role: invitation.role } }));
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
      await recordAudit(tx, { tenantId: asTenantId(invitation.tenantId), action: "member.add", targetType: "membership", targetId: membership.id, after: { email: user.email, role: membership.role, invitationId: invitation.id } });
      const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: invitation.tenantId } });
      return { tenantId: tenant.id, tenantName: tenant.name, tenantSlug: tenant.slug, role: membership.role as Role };
    });
  }

  @Endpoint({ route: invitationRoutes.decline, status: 204, access: signedIn })
  async decline(@ValidParams() params: z.infer<typeof idParamsSchema>, @Req() request: AuthenticatedRequest) {
    const user = requireUser(request.caller);
    await this.answer(user, params.id, async (tx, invitation) => {
      await tx.invitation.update({ where: { id: invitation.id }, data: { declinedAt: new Date() } });
      // A platform entry, not the tenant's: declining must not hand the tenant the person's address or device.
      await recordAudit(tx, { tenantId: null, action: "invitation.decline", targetType: "invitation", targetId: invitation.id });
    });
  }

  private async verified(user: SessionUser) {
    const account = await this.prisma.user.findUnique({ where: { id: user.userId }, select: { emailVerifiedAt: true } });
    return Boolean(account?.emailVerifiedAt);
  }

  /** Finds the caller's pending invitation and runs fn in its tenant, the invitation locked. */
  private async answer<T>(user: SessionUser, invitationId: string, fn: (tx: TransactionClient, invitation: { id: string; tenantId: string; role: Role }) => Promise<T>) {
    const missing = notFound("Invitation");
    if (!(await this.verified(user))) throw missing;
    const found = await withUser(this.prisma, user.userId, (tx) =>
      tx.invitation.findFirst({ where: { id: invitationId, email: user.email, ...pendingInvitation(), tenant: { status: "active" } }, select: { tenantId: true } }),
    );
    if (!found) throw missing;
    return withTenant(this.prisma, asTenantId(found.tenantId), async (tx) => {
      const [locked] = await tx.$queryRaw<Array<{ id: string; role: Role }>>`
        SELECT id, role::text AS role FROM invitations
        WHERE id = ${invitationId}::uuid AND email = ${user.email} AND accepted_at IS NULL AND declined_at IS NULL AND expires_at > now()
        FOR UPDATE`;
      if (!locked) throw missing;
      return fn(tx, { id: locked.id, tenantId: found.tenantId, role: locked.role });
    }, { userId: asUserId(user.userId) });
  }
}
