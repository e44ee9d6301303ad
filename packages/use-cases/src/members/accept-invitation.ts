import type { z } from "zod";
import { asTenantId, recordAudit } from "@idlife/db";
import type { Role } from "@idlife/core";
import { answerInvitation, type answerInvitationInput, type InviteeDeps } from "./invitation-answer.ts";

/** The invitee takes up the role offered: they become a member (or stay one) of the tenant. */
export function acceptInvitation(deps: InviteeDeps, input: z.input<typeof answerInvitationInput>) {
  return answerInvitation(deps, input, async (tx, invitation, invitee) => {
    const existing = await tx.membership.findFirst({ where: { tenantId: invitation.tenantId, userId: invitee.userId } });
    const membership = existing ?? (await tx.membership.create({ data: { tenantId: invitation.tenantId, userId: invitee.userId, role: invitation.role } }));
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    await recordAudit(tx, { tenantId: asTenantId(invitation.tenantId), action: "member.add", targetType: "membership", targetId: membership.id, after: { email: invitee.email, role: membership.role, invitationId: invitation.id } });
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: invitation.tenantId } });
    return { tenantId: tenant.id, tenantName: tenant.name, tenantSlug: tenant.slug, role: membership.role as Role };
  });
}
