import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { requireTenantId } from "@idlife/db";
import { targetCatalogueJson } from "@idlife/connectors";
import { checkScript } from "@idlife/sandbox";
import { createTargetSystem, deleteTargetSystem, findTargetSystem, toTargetSystemResponse, updateTargetSystem } from "@idlife/use-cases";
import { createTargetSystemRequestSchema, deleteTargetSystemQuerySchema, idParamsSchema, targetSystemRoutes, updateTargetSystemRequestSchema } from "@idlife/contracts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { API_CONFIG } from "../../infrastructure/tokens.ts";
import type { ApiConfig } from "../../config/api-config.ts";

// Built once: the registry does not change while the API runs.
const catalogue = targetCatalogueJson();

/** Target systems: the connector catalogue and create, read, change, delete. */
@Controller()
export class TargetSystemsController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Endpoint({ route: targetSystemRoutes.connectorTypes, access: tenantAccess("read") })
  connectorTypes() {
    return catalogue;
  }

  @Endpoint({ route: targetSystemRoutes.list, access: tenantAccess("read") })
  list() {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) =>
      (await tx.targetSystem.findMany({ where: { tenantId }, orderBy: { name: "asc" } })).map((row) => toTargetSystemResponse(row, this.config.secretsKey)),
    );
  }

  @Endpoint({ route: targetSystemRoutes.get, access: tenantAccess("read") })
  get(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => toTargetSystemResponse(await findTargetSystem(tx, tenantId, params.id), this.config.secretsKey));
  }

  @Endpoint({ route: targetSystemRoutes.create, access: tenantAccess("configure") })
  create(@ValidBody() body: z.infer<typeof createTargetSystemRequestSchema>) {
    return createTargetSystem(this.deps(), body);
  }

  @Endpoint({ route: targetSystemRoutes.update, access: tenantAccess("configure") })
  update(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof updateTargetSystemRequestSchema>) {
    return updateTargetSystem(this.deps(), { targetSystemId: params.id, changes: body });
  }

  @Endpoint({ route: targetSystemRoutes.remove, status: 204, access: tenantAccess("configure") })
  async remove(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof deleteTargetSystemQuerySchema>) {
    await deleteTargetSystem({ db: this.db.scope() }, { targetSystemId: params.id, force: query.force === "true" });
  }

  private deps() {
    return { db: this.db.scope(), secretsKey: this.config.secretsKey, checkScript };
  }
}
