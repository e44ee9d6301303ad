import { z } from "zod";
import { addMemberRequestSchema, memberSchema, updateMemberRequestSchema } from "../tenants.ts";
import { invitationSchema, sentInvitationSchema } from "../invitations.ts";
import { defineRoutes, route } from "./define-route.ts";

export const memberRoutes = defineRoutes(["Members"], {
  list: route.get("/members", "People with access to this tenant", { response: z.array(memberSchema) }),
  listInvitations: route.get("/members/invitations", "Invitations of this tenant nobody has accepted or declined yet", { response: z.array(invitationSchema) }),
  add: route.post("/members", "Invite a person by email address; they become a member only when they accept (the answer is the same whether or not the address has an account)", { body: addMemberRequestSchema, response: sentInvitationSchema }),
  withdrawInvitation: route.delete("/members/invitations/:id", "Withdraw a pending invitation"),
  update: route.patch("/members/:id", "Change a member's role; their API keys keep only the scopes the new role covers (a key left with none is revoked)", { body: updateMemberRequestSchema, response: memberSchema }),
  remove: route.delete("/members/:id", "Remove a person from this tenant and revoke the API keys they created here"),
});
