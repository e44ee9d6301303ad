import { z } from "zod";
import { memberRoleSchema } from "@idlife/contracts";
import { recordAudit } from "@idlife/db";
import { parseInput, type TenantScope } from "../tenant-scope.ts";
import { fitKeysToMember } from "./fit-keys-to-member.ts";
import { assertAnotherOwner, assertMayAssign, findMemberForChange, memberActorSchema, toMember } from "./member-rules.ts";

const changeMemberRoleInput = z.strictObject({ membershipId: z.uuid(), role: memberRoleSchema, actor: memberActorSchema });

/**
 * Gives a member another role. Only an owner changes an owner, the last owner stays one, and
 * the member's API keys are cut down to what the new role covers.
 */
export async function changeMemberRole(deps: { db: TenantScope }, input: z.input<typeof changeMemberRoleInput>) {
  const { membershipId, role, actor } = parseInput(changeMemberRoleInput, input);
  assertMayAssign(actor, role);
  const { tenantId } = deps.db;
  return deps.db.run(async (tx) => {
    const membership = await findMemberForChange(tx, tenantId, membershipId);
    if (membership.role === "owner") {
      assertMayAssign(actor, "owner");
      if (role !== "owner") await assertAnotherOwner(tx, tenantId, membership.id);
    }
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role }, include: { user: true } });
    await fitKeysToMember(tx, tenantId, membership.userId, role);
    await recordAudit(tx, { action: "member.update", targetType: "membership", targetId: membership.id, before: { role: membership.role }, after: { role } });
    return toMember(updated);
  });
}
