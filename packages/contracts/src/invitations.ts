import { z } from "zod";
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

/** An invitation as its invitee sees it (signed in, outside any tenant). */
export const pendingInvitationSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  tenantName: z.string(),
  role: memberRoleSchema,
  expiresAt: z.iso.datetime(),
});
export type PendingInvitation = z.infer<typeof pendingInvitationSchema>;
