import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { requireActor, requireTenantId } from "@idlife/db";
import { connectorFetch } from "@idlife/connectors";
import { listPersonAccounts, listPersonActions, listPersonEntitlements, notFound, previewAccount, requestAccountAction, requestPermissionAction, type RequestedBy } from "@idlife/use-cases";
import { idParamsSchema, requestAccountActionSchema, requestEntitlementSchema, targetPreviewQuerySchema, targetSystemRoutes } from "@idlife/contracts";
import type { JobProducer } from "@idlife/jobs";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { API_CONFIG, JOB_PRODUCER } from "../../infrastructure/tokens.ts";
import type { ApiConfig } from "../../config/api-config.ts";

const accountParamsSchema = targetSystemRoutes.requestAccountAction.params;

/** Who asked, as the work table records it. */
function requestedBy(): RequestedBy {
  const actor = requireActor();
  if (actor.type === "user") return { kind: "user", userId: actor.id };
  if (actor.type === "api_key") return { kind: "api-key", apiKeyId: actor.id };
  return { kind: "system" };
}

/** A person's accounts, entitlements and target actions; a preview; actions by hand (queued for the engine's runner). */
@Controller()
export class PersonTargetsController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {}

  @Endpoint({ route: targetSystemRoutes.personAccounts, access: tenantAccess("read") })
  async accounts(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    await this.findPerson(params.id);
    return listPersonAccounts({ db: this.db.scope() }, { personId: params.id });
  }

  @Endpoint({ route: targetSystemRoutes.personEntitlements, access: tenantAccess("read") })
  async entitlements(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    await this.findPerson(params.id);
    return listPersonEntitlements({ db: this.db.scope() }, { personId: params.id });
  }

  @Endpoint({ route: targetSystemRoutes.personActions, access: tenantAccess("read") })
  async actions(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    await this.findPerson(params.id);
    return listPersonActions({ db: this.db.scope() }, { personId: params.id });
  }

  // Reads the target (plan mode: writes are refused) and shows mapped personal data: operators and up.
  @Endpoint({ route: targetSystemRoutes.preview, access: tenantAccess("operate") })
  preview(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof targetPreviewQuerySchema>) {
    return previewAccount({ db: this.db.scope(), secretsKey: this.config.secretsKey, fetch: connectorFetch(this.config.CONNECTOR_PRIVATE_NETWORKS) }, { personId: params.id, targetSystemId: query.targetSystemId, ...(query.action ? { action: query.action } : {}) });
  }

  @Endpoint({ route: targetSystemRoutes.requestAccountAction, status: 202, access: tenantAccess("operate") })
  requestAccountAction(@ValidParams() params: z.infer<typeof accountParamsSchema>, @ValidBody() body: z.infer<typeof requestAccountActionSchema>) {
    return requestAccountAction({ db: this.db.scope(), jobs: this.jobs }, { personId: params.id, targetSystemId: params.targetSystemId, action: body.action, requestedBy: requestedBy() });
  }

  @Endpoint({ route: targetSystemRoutes.requestEntitlement, status: 202, access: tenantAccess("operate") })
  requestEntitlement(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof requestEntitlementSchema>) {
    return requestPermissionAction({ db: this.db.scope(), jobs: this.jobs }, { personId: params.id, ...body, requestedBy: requestedBy() });
  }

  /** Another tenant's person (or none) is 404, not an empty list: ids must not be probed. */
  private async findPerson(personId: string): Promise<void> {
    const tenantId = requireTenantId();
    const person = await this.db.run((tx) => tx.person.findFirst({ where: { tenantId, id: personId }, select: { id: true } }));
    if (!person) throw notFound("Person");
  }
}
