import { Controller, Inject, Logger } from "@nestjs/common";
import { z } from "zod";
import { requireTenantId } from "@idlife/db";
import { addMemberRequestSchema, idParamsSchema, memberRoutes, updateMemberRequestSchema } from "@idlife/contracts";
import { changeMemberRole, inviteMember, pendingInvitation, removeMember, toInvitation, toMember, withdrawInvitation } from "@idlife/use-cases";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { API_CONFIG } from "../../infrastructure/tokens.ts";
import type { ApiConfig } from "../../config/api-config.ts";
import { currentMemberActor } from "./member-actor.ts";

@Controller()
export class MembersController {
  private readonly logger = new Logger("Members");

  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Endpoint({ route: memberRoutes.list, access: tenantAccess("read") })
  list() {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) =>
      (await tx.membership.findMany({ where: { tenantId }, include: { user: true }, orderBy: { createdAt: "asc" } })).map(toMember),
    );
  }

  @Endpoint({ route: memberRoutes.listInvitations, access: tenantAccess("read") })
  listInvitations() {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) =>
      (await tx.invitation.findMany({ where: { tenantId, ...pendingInvitation() }, orderBy: { createdAt: "asc" } })).map(toInvitation),
    );
  }

  @Endpoint({ route: memberRoutes.add, status: 202, access: tenantAccess("administer") })
  async add(@ValidBody() body: z.infer<typeof addMemberRequestSchema>) {
    const { invitation, setupToken } = await inviteMember({ db: this.db.scope() }, { ...body, actor: currentMemberActor() });
    // Mail delivery arrives with notifications; until then the administrator passes the link on.
    // Never a token for an existing account: that would hand its password to the inviting tenant.
    const link = setupToken ? `${this.config.publicUrl}/reset-password?token=${setupToken}` : `${this.config.publicUrl}/invitations`;
    if (!this.config.production) this.logger.log(`Invitation for ${body.email} (set a password, then accept after signing in): ${link}`);
    return { ...invitation, ...(this.config.invitationLinksInAnswer ? { invitationLink: link } : {}) };
  }

  @Endpoint({ route: memberRoutes.withdrawInvitation, status: 204, access: tenantAccess("administer") })
  async withdrawInvitation(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    await withdrawInvitation({ db: this.db.scope() }, { invitationId: params.id, actor: currentMemberActor() });
  }

  @Endpoint({ route: memberRoutes.update, access: tenantAccess("administer") })
  update(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof updateMemberRequestSchema>) {
    return changeMemberRole({ db: this.db.scope() }, { membershipId: params.id, role: body.role, actor: currentMemberActor() });
  }

  @Endpoint({ route: memberRoutes.remove, status: 204, access: tenantAccess("administer") })
  async remove(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    await removeMember({ db: this.db.scope() }, { membershipId: params.id, actor: currentMemberActor() });
  }
}
