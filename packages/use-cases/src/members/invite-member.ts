import type { z } from "zod";
import { addMemberRequestSchema } from "@idlife/contracts";
import { recordAudit } from "@idlife/db";
import { parseInput, type TenantScope } from "../tenant-scope.ts";
import { toInvitation } from "./invitation-view.ts";
import { inviteToTenant } from "./invite-to-tenant.ts";
import { assertMayAssign, memberActorSchema } from "./member-rules.ts";

const inviteMemberInput = addMemberRequestSchema.extend({ actor: memberActorSchema });

/**
 * Invites an email address into the scope's tenant with a role the actor may assign. The outcome
 * reads the same whether or not the address has an account; `setupToken` (a way to set a
 * password, for an address that has none) is for delivery to the invitee, never for an answer.
 */
export async function inviteMember(deps: { db: TenantScope }, input: z.input<typeof inviteMemberInput>) {
  const { actor, ...body } = parseInput(inviteMemberInput, input);
  assertMayAssign(actor, body.role);
  const { tenantId } = deps.db;
  const { invitation, setupToken } = await deps.db.run(async (tx) => {
    const outcome = await inviteToTenant(tx, { tenantId, email: body.email, displayName: body.displayName, role: body.role, invitedById: actor.userId });
    await recordAudit(tx, { action: "member.invite", targetType: "invitation", targetId: outcome.invitation.id, after: { email: body.email, role: body.role } });
    return outcome;
  });
  return { invitation: toInvitation(invitation), setupToken };
}
