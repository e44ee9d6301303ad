import { z } from "zod";
import { recordAudit } from "@idlife/db";
import type { Role } from "@idlife/core";
import { parseInput, type TenantScope } from "../tenant-scope.ts";
import { notFound } from "../use-case-error.ts";
import { pendingInvitation } from "./invitation-view.ts";
import { assertMayAssign, memberActorSchema } from "./member-rules.ts";

const withdrawInvitationInput = z.strictObject({ invitationId: z.uuid(), actor: memberActorSchema });

/** Withdraws a pending invitation of the scope's tenant; only who may assign its role may. */
export async function withdrawInvitation(deps: { db: TenantScope }, input: z.input<typeof withdrawInvitationInput>) {
  const { invitationId, actor } = parseInput(withdrawInvitationInput, input);
  const { tenantId } = deps.db;
  await deps.db.run(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, tenantId, ...pendingInvitation() } });
    if (!invitation) throw notFound("Invitation");
    assertMayAssign(actor, invitation.role as Role);
    await tx.invitation.delete({ where: { id: invitation.id } });
    await recordAudit(tx, { action: "member.invitation_withdraw", targetType: "invitation", targetId: invitation.id, before: { email: invitation.email, role: invitation.role } });
  });
}
