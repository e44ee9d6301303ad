import { z } from "zod";
import { asTenantId, asUserId, withTenant, withUser, type Prisma, type TransactionClient } from "@idlife/db";
import type { Role } from "@idlife/core";
import { parseInput } from "../tenant-scope.ts";
import { notFound } from "../use-case-error.ts";
import { pendingInvitation } from "./invitation-view.ts";

/**
 * The invitee answers outside any tenant: their deps are the database itself, not one tenant's
 * scope. Row-level security lets a user read the invitations to their own address (withUser),
 * and the answer then runs in the invitation's tenant with the user set (withTenant + userId).
 */
export interface InviteeDeps {
  prisma: Prisma;
}

export const inviteeSchema = z.strictObject({ userId: z.uuid(), email: z.string().min(1).max(1000) });
export const answerInvitationInput = z.strictObject({ invitationId: z.uuid(), invitee: inviteeSchema });
export type Invitee = z.infer<typeof inviteeSchema>;

/** Only an address its owner has verified sees invitations: a sign-up with another's address takes up none. */
export async function inviteeVerified(prisma: Prisma, invitee: Invitee) {
  const account = await prisma.user.findUnique({ where: { id: invitee.userId }, select: { emailVerifiedAt: true } });
  return Boolean(account?.emailVerifiedAt);
}

/** The invitations addressed to the invitee that are pending, in active tenants. */
export const invitationsOf = (invitee: Invitee) => ({ email: invitee.email, ...pendingInvitation(), tenant: { status: "active" as const } });

type PendingInvitationRow = { id: string; tenantId: string; role: Role };

/** Finds the invitee's pending invitation and runs fn in its tenant, the invitation locked. */
export async function answerInvitation<T>(deps: InviteeDeps, input: z.input<typeof answerInvitationInput>, fn: (tx: TransactionClient, invitation: PendingInvitationRow, invitee: Invitee) => Promise<T>) {
  const { invitationId, invitee } = parseInput(answerInvitationInput, input);
  const missing = notFound("Invitation");
  if (!(await inviteeVerified(deps.prisma, invitee))) throw missing;
  const found = await withUser(deps.prisma, asUserId(invitee.userId), (tx) => tx.invitation.findFirst({ where: { id: invitationId, ...invitationsOf(invitee) }, select: { tenantId: true } }));
  if (!found) throw missing;
  return withTenant(
    deps.prisma,
    asTenantId(found.tenantId),
    async (tx) => {
      const [locked] = await tx.$queryRaw<Array<{ id: string; role: Role }>>`
        SELECT id, role::text AS role FROM invitations
        WHERE id = ${invitationId}::uuid AND email = ${invitee.email} AND accepted_at IS NULL AND declined_at IS NULL AND expires_at > now()
        FOR UPDATE`;
      if (!locked) throw missing;
      return fn(tx, { id: locked.id, tenantId: found.tenantId, role: locked.role }, invitee);
    },
    { userId: asUserId(invitee.userId) },
  );
}
