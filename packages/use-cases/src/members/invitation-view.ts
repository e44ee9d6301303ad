import type { Invitation } from "@idlife/contracts";
import type { Role } from "@idlife/core";

export const INVITATION_TTL_MINUTES = 7 * 24 * 60;
/** Far above any real organisation's backlog; keeps one tenant from filling the table. */
export const MAX_PENDING_INVITATIONS = 500;

type InvitationRow = { id: string; email: string; role: string; createdAt: Date; expiresAt: Date };
export const toInvitation = (row: InvitationRow): Invitation => ({
  id: row.id,
  email: row.email,
  role: row.role as Role,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
});

/** Pending: neither accepted nor declined, and not expired. */
export const pendingInvitation = () => ({ acceptedAt: null, declinedAt: null, expiresAt: { gt: new Date() } });
