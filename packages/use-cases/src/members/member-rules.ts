import { z } from "zod";
import type { TransactionClient } from "@idlife/db";
import { canAssignRole, type Role } from "@idlife/core";
import { memberRoleSchema, type Member } from "@idlife/contracts";
import { conflict, notFound, UseCaseError } from "../use-case-error.ts";

/**
 * Who changes the tenant's members: a person with their role in the tenant, or an API key,
 * which counts as admin and speaks for nobody (userId null).
 */
export const memberActorSchema = z.strictObject({ role: memberRoleSchema, userId: z.uuid().nullable() });
export type MemberActor = z.infer<typeof memberActorSchema>;

type MemberRow = { id: string; userId: string; role: string; createdAt: Date; user: { email: string; displayName: string } };
export const toMember = (row: MemberRow): Member => ({
  id: row.id,
  userId: row.userId,
  email: row.user.email,
  displayName: row.user.displayName,
  role: row.role as Role,
  createdAt: row.createdAt.toISOString(),
});

export function assertMayAssign(actor: MemberActor, role: Role) {
  if (!canAssignRole(actor.role, role)) {
    throw new UseCaseError(403, "insufficient_role", `Only an owner (a person, not an API key) may assign or change the role '${role}'.`);
  }
}

/**
 * Finds a member of the tenant for a change, with the tenant locked so that owner changes are
 * serialised: two owners demoting each other cannot leave none.
 */
export async function findMemberForChange(tx: TransactionClient, tenantId: string, membershipId: string) {
  await tx.$queryRaw`SELECT id FROM tenants WHERE id = ${tenantId}::uuid FOR UPDATE`;
  const membership = await tx.membership.findFirst({ where: { id: membershipId, tenantId }, include: { user: true } });
  if (!membership) throw notFound("Member");
  return membership;
}

export async function assertAnotherOwner(tx: TransactionClient, tenantId: string, membershipId: string) {
  const owners = await tx.membership.count({ where: { tenantId, role: "owner", id: { not: membershipId } } });
  if (owners === 0) throw conflict("last_owner", "A tenant needs at least one owner; make someone else owner first.");
}
