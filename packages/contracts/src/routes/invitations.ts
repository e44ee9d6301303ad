import { z } from "zod";
import { pendingInvitationSchema } from "../invitations.ts";
import { tenantMembershipSchema } from "../auth.ts";
import { defineRoutes, route } from "./define-route.ts";

export const invitationRoutes = defineRoutes(["Invitations"], {
  list: route.get("/invitations", "Invitations waiting for the signed-in person", { response: z.array(pendingInvitationSchema) }),
  accept: route.post("/invitations/:id/accept", "Accept an invitation: become a member of its tenant with its role", { response: tenantMembershipSchema }),
  decline: route.post("/invitations/:id/decline", "Decline an invitation; nothing of yours reaches the tenant"),
});
