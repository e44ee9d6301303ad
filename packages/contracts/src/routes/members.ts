import { z } from "zod";
import { addMemberRequestSchema, memberSchema, updateMemberRequestSchema } from "../tenants.ts";
import { invitationSchema, sentInvitationSchema } from "../invitations.ts";
import { idParamsSchema } from "../common.ts";
import { defineRoute, defineRoutes } from "./define-route.ts";

export const memberRoutes = defineRoutes(["Members"], {
  list: defineRoute({
    method: "GET", path: "/members",
    summary: "People with access to this tenant",
    response: z.array(memberSchema),
  }),
  listInvitations: defineRoute({
    method: "GET", path: "/members/invitations",
    summary: "Invitations of this tenant nobody has accepted or declined yet",
    response: z.array(invitationSchema),
  }),
  add: defineRoute({
    method: "POST", path: "/members",
    summary: "Invite a person by email address; they become a member only when they accept (the answer is the same whether or not the address has an account)",
    body: addMemberRequestSchema,
    response: sentInvitationSchema,
  }),
  withdrawInvitation: defineRoute({
    method: "DELETE", path: "/members/invitations/:id",
    summary: "Withdraw a pending invitation",
    params: idParamsSchema,
  }),
  update: defineRoute({
    method: "PATCH", path: "/members/:id",
    summary: "Change a member's role; their API keys keep only the scopes the new role covers (a key left with none is revoked)",
    params: idParamsSchema,
    body: updateMemberRequestSchema,
    response: memberSchema,
  }),
  remove: defineRoute({
    method: "DELETE", path: "/members/:id",
    summary: "Remove a person from this tenant and revoke the API keys they created here",
    params: idParamsSchema,
  }),
});
