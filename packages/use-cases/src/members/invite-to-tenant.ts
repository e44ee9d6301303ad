import type { TransactionClient } from "@idlife/db";
import type { Role } from "@idlife/core";
import { UNUSABLE_PASSWORD_HASH } from "../accounts/passwords.ts";
import { issuePasswordResetToken } from "../accounts/setup-token.ts";
import { conflict } from "../use-case-error.ts";
import { INVITATION_TTL_MINUTES, MAX_PENDING_INVITATIONS, pendingInvitation } from "./invitation-view.ts";

export interface InviteInput {
  tenantId: string;
  email: string;
  /** Used only when the address has no account yet. */
  displayName: string;
  role: Role;
  invitedById: string | null;
}

/**
 * Offers a role in a tenant to an email address, inside the tenant's transaction. The outcome
 * is the same for an address with or without an account (the caller must not answer
 * differently); only the delivery differs: an address without a usable account gets a link to
 * set a password (returned as `setupToken`, for mail, never for an HTTP answer), and the
 * person then accepts the invitation once signed in. A repeated invitation renews the pending one.
 */
export async function inviteToTenant(tx: TransactionClient, input: InviteInput) {
  const user = await tx.user.findUnique({ where: { email: input.email } });
  if (user && (await tx.membership.findFirst({ where: { tenantId: input.tenantId, userId: user.id } }))) {
    // Only says what the tenant's own member list already shows.
    throw conflict("already_member", `${input.email} is already a member of this tenant.`);
  }
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MINUTES * 60_000);
  const pending = await tx.invitation.findFirst({ where: { tenantId: input.tenantId, email: input.email, ...pendingInvitation() } });
  if (!pending && (await tx.invitation.count({ where: { tenantId: input.tenantId, ...pendingInvitation() } })) >= MAX_PENDING_INVITATIONS) {
    throw conflict("too_many_invitations", `This tenant has ${MAX_PENDING_INVITATIONS} open invitations; withdraw some or wait until they are answered.`);
  }
  const invitation = pending
    ? await tx.invitation.update({ where: { id: pending.id }, data: { role: input.role, expiresAt, invitedById: input.invitedById } })
    : await tx.invitation.create({ data: { tenantId: input.tenantId, email: input.email, role: input.role, expiresAt, invitedById: input.invitedById } });

  // An address nobody has set a password for yet needs a way in; a real account signs in as usual.
  const account =
    user ??
    (await tx.user.create({ data: { email: input.email, displayName: input.displayName, passwordHash: UNUSABLE_PASSWORD_HASH } }));
  const neverActivated = !account.emailVerifiedAt && account.passwordHash === UNUSABLE_PASSWORD_HASH;
  const setupToken = neverActivated ? await issuePasswordResetToken(tx, account.id, INVITATION_TTL_MINUTES) : undefined;
  return { invitation, setupToken };
}
