import { z } from "zod";
import { tenantMembershipSchema } from "./auth.ts";
import { memberRoleSchema } from "./common.ts";

/**
 * A tenant's offer of a role to an email address. Adding a member always answers with one of
 * these, whether or not the address has an account, so the answer tells nothing about the
 * person behind it; membership exists only once they accept.
 */
export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: memberRoleSchema,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/**
 * The answer to an invitation, with the link the invitee follows while the platform sends no
 * mail (development, or INVITATION_LINKS_IN_ANSWER=true): the administrator passes it on. It is
 * shown once; a link to set a password works once and expires with the invitation.
 */
export const sentInvitationSchema = invitationSchema.extend({ invitationLink: z.url().optional() });
export type SentInvitation = z.infer<typeof sentInvitationSchema>;

/** An invitation as its invitee sees it (signed in, outside any tenant). */
export const pendingInvitationSchema = z.object({
  id: z.uuid(),
  ...tenantMembershipSchema.pick({ tenantId: true, tenantName: true, role: true }).shape,
  expiresAt: z.iso.datetime(),
});
export type PendingInvitation = z.infer<typeof pendingInvitationSchema>;
