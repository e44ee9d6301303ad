import { Controller, Inject, Req } from "@nestjs/common";
import { z } from "zod";
import { asUserId, withUser, type Prisma } from "@idlife/db";
import type { Role } from "@idlife/core";
import { idParamsSchema, invitationRoutes } from "@idlife/contracts";
import { acceptInvitation, declineInvitation, invitationsOf, inviteeVerified, type Invitee } from "@idlife/use-cases";
import { Endpoint, signedIn } from "../../common/http/endpoint.decorator.ts";
import { ValidParams } from "../../common/http/validated.ts";
import type { AuthenticatedRequest } from "../../common/auth/access.guard.ts";
import { PRISMA } from "../../infrastructure/tokens.ts";
import { requireUser } from "../auth/authenticate.ts";

/** The signed-in caller as the invitee of the invitation use cases. */
function invitee(request: AuthenticatedRequest): Invitee {
  const user = requireUser(request.caller);
  return { userId: user.userId, email: user.email };
}

/**
 * The invitee's side: a signed-in person sees the invitations addressed to their own, verified,
 * address and accepts or declines them. An account whose address is not verified sees none, so
 * someone who signed up with another person's address cannot take up that person's invitations.
 */
@Controller()
export class InvitationsController {
  constructor(@Inject(PRISMA) private readonly prisma: Prisma) {}

  @Endpoint({ route: invitationRoutes.list, access: signedIn })
  async list(@Req() request: AuthenticatedRequest) {
    const user = invitee(request);
    if (!(await inviteeVerified(this.prisma, user))) return [];
    const invitations = await withUser(this.prisma, asUserId(user.userId), (tx) =>
      tx.invitation.findMany({ where: invitationsOf(user), include: { tenant: true }, orderBy: { createdAt: "asc" } }),
    );
    return invitations.map((invitation) => ({
      id: invitation.id,
      tenantId: invitation.tenantId,
      tenantName: invitation.tenant.name,
      role: invitation.role as Role,
      expiresAt: invitation.expiresAt.toISOString(),
    }));
  }

  @Endpoint({ route: invitationRoutes.accept, status: 200, access: signedIn })
  accept(@ValidParams() params: z.infer<typeof idParamsSchema>, @Req() request: AuthenticatedRequest) {
    return acceptInvitation({ prisma: this.prisma }, { invitationId: params.id, invitee: invitee(request) });
  }

  @Endpoint({ route: invitationRoutes.decline, status: 204, access: signedIn })
  async decline(@ValidParams() params: z.infer<typeof idParamsSchema>, @Req() request: AuthenticatedRequest) {
    await declineInvitation({ prisma: this.prisma }, { invitationId: params.id, invitee: invitee(request) });
  }
}
