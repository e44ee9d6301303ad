import type { z } from "zod";
import { recordAudit } from "@idlife/db";
import { answerInvitation, type answerInvitationInput, type InviteeDeps } from "./invitation-answer.ts";

/** The invitee turns the offer down; the invitation stays, answered. */
export async function declineInvitation(deps: InviteeDeps, input: z.input<typeof answerInvitationInput>) {
  await answerInvitation(deps, input, async (tx, invitation) => {
    await tx.invitation.update({ where: { id: invitation.id }, data: { declinedAt: new Date() } });
    // A platform entry, not the tenant's: declining must not hand the tenant the person's address or device.
    await recordAudit(tx, { tenantId: null, action: "invitation.decline", targetType: "invitation", targetId: invitation.id });
  });
}
