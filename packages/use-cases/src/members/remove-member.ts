import { z } from "zod";
import { recordAudit } from "@idlife/db";
import { parseInput, type TenantScope } from "../tenant-scope.ts";
import { fitKeysToMember } from "./fit-keys-to-member.ts";
import { assertAnotherOwner, assertMayAssign, findMemberForChange, memberActorSchema } from "./member-rules.ts";

const removeMemberInput = z.strictObject({ membershipId: z.uuid(), actor: memberActorSchema });

/** Removes a member from the tenant (never its last owner); their API keys are revoked. */
export async function removeMember(deps: { db: TenantScope }, input: z.input<typeof removeMemberInput>) {
  const { membershipId, actor } = parseInput(removeMemberInput, input);
  const { tenantId } = deps.db;
  await deps.db.run(async (tx) => {
    const membership = await findMemberForChange(tx, tenantId, membershipId);
    if (membership.role === "owner") {
      assertMayAssign(actor, "owner");
      await assertAnotherOwner(tx, tenantId, membership.id);
    }
    await tx.membership.delete({ where: { id: membership.id } });
    await fitKeysToMember(tx, tenantId, membership.userId, null);
    await recordAudit(tx, { action: "member.remove", targetType: "membership", targetId: membership.id, before: { email: membership.user.email, role: membership.role } });
  });
}
