import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { listPersonAccounts, listPersonActions, listPersonEntitlements, notFound, previewAccount, requestAccountAction, requestPermissionAction } from "@idlife/use-cases";
import { idParamsSchema, requestAccountActionSchema, requestEntitlementSchema, targetPreviewQuerySchema, targetSystemRoutes } from "@idlife/contracts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { requestedBy } from "../../common/auth/requested-by.ts";
import { TargetDeps } from "./target-deps.ts";

const accountParamsSchema = targetSystemRoutes.requestAccountAction.params;

/** A person's accounts, entitlements and target actions; a preview; actions by hand (queued for the engine's runner). */
@Controller()
export class PersonTargetsController {
  constructor(@Inject(TargetDeps) private readonly deps: TargetDeps) {}

  @Endpoint({ route: targetSystemRoutes.personAccounts, access: tenantAccess("read") })
  async accounts(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    await this.findPerson(params.id);
    return listPersonAccounts(this.deps.read(), { personId: params.id });
  }

  @Endpoint({ route: targetSystemRoutes.personEntitlements, access: tenantAccess("read") })
  async entitlements(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    await this.findPerson(params.id);
    return listPersonEntitlements(this.deps.read(), { personId: params.id });
  }

  @Endpoint({ route: targetSystemRoutes.personActions, access: tenantAccess("read") })
  async actions(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    await this.findPerson(params.id);
    return listPersonActions(this.deps.read(), { personId: params.id });
  }

  // Reads the target (plan mode: writes are refused) and shows mapped personal data: operators and up.
  @Endpoint({ route: targetSystemRoutes.preview, access: tenantAccess("operate") })
  preview(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof targetPreviewQuerySchema>) {
    return previewAccount(this.deps.connector(), { personId: params.id, targetSystemId: query.targetSystemId, ...(query.action ? { action: query.action } : {}) });
  }

  @Endpoint({ route: targetSystemRoutes.requestAccountAction, status: 202, access: tenantAccess("operate") })
  requestAccountAction(@ValidParams() params: z.infer<typeof accountParamsSchema>, @ValidBody() body: z.infer<typeof requestAccountActionSchema>) {
    return requestAccountAction(this.deps.queue(), { personId: params.id, targetSystemId: params.targetSystemId, action: body.action, requestedBy: requestedBy() });
  }

  @Endpoint({ route: targetSystemRoutes.requestEntitlement, status: 202, access: tenantAccess("operate") })
  requestEntitlement(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof requestEntitlementSchema>) {
    return requestPermissionAction(this.deps.queue(), { personId: params.id, ...body, requestedBy: requestedBy() });
  }

  /** Another tenant's person (or none) is 404, not an empty list: ids must not be probed. */
  private async findPerson(personId: string): Promise<void> {
    const { db } = this.deps.read();
    const person = await db.run((tx) => tx.person.findFirst({ where: { tenantId: db.tenantId, id: personId }, select: { id: true } }));
    if (!person) throw notFound("Person");
  }
}
