import { z } from "zod";
import { pendingInvitationSchema } from "../invitations.ts";
import { idParamsSchema } from "../common.ts";
import { tenantMembershipSchema } from "../auth.ts";
import { defineRoute, defineRoutes } from "./define-route.ts";

export const invitationRoutes = defineRoutes(["Invitations"], {
  list: defineRoute({
    method: "GET", path: "/invitations",
    summary: "Invitations waiting for the signed-in person",
    response: z.array(pendingInvitationSchema),
  }),
  accept: defineRoute({
    method: "POST", path: "/invitations/:id/accept",
    summary: "Accept an invitation: become a member of its tenant with its role",
    params: idParamsSchema,
    response: tenantMembershipSchema,
  }),
  decline: defineRoute({
    method: "POST", path: "/invitations/:id/decline",
    summary: "Decline an invitation; nothing of yours reaches the tenant",
    params: idParamsSchema,
  }),
});
