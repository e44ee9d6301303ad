import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { targetCatalogueJson } from "@idlife/connectors";
import { createTargetSystem, deleteTargetSystem, getTargetSystem, listTargetSystems, updateTargetSystem } from "@idlife/use-cases";
import { createTargetSystemRequestSchema, deleteTargetSystemQuerySchema, idParamsSchema, targetSystemRoutes, updateTargetSystemRequestSchema } from "@idlife/contracts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TargetDeps } from "./target-deps.ts";

// Built once: the registry does not change while the API runs.
const catalogue = targetCatalogueJson();

/** Target systems: the connector catalogue and create, read, change, delete. */
@Controller()
export class TargetSystemsController {
  constructor(@Inject(TargetDeps) private readonly deps: TargetDeps) {}

  @Endpoint({ route: targetSystemRoutes.connectorTypes, access: tenantAccess("read") })
  connectorTypes() {
    return catalogue;
  }

  @Endpoint({ route: targetSystemRoutes.list, access: tenantAccess("read") })
  list() {
    return listTargetSystems(this.deps.settings());
  }

  @Endpoint({ route: targetSystemRoutes.get, access: tenantAccess("read") })
  get(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return getTargetSystem(this.deps.settings(), { targetSystemId: params.id });
  }

  @Endpoint({ route: targetSystemRoutes.create, access: tenantAccess("configure") })
  create(@ValidBody() body: z.infer<typeof createTargetSystemRequestSchema>) {
    return createTargetSystem(this.deps.settings(), body);
  }

  @Endpoint({ route: targetSystemRoutes.update, access: tenantAccess("configure") })
  update(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof updateTargetSystemRequestSchema>) {
    return updateTargetSystem(this.deps.settings(), { targetSystemId: params.id, changes: body });
  }

  @Endpoint({ route: targetSystemRoutes.remove, status: 204, access: tenantAccess("configure") })
  async remove(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof deleteTargetSystemQuerySchema>) {
    await deleteTargetSystem(this.deps.settings(), { targetSystemId: params.id, force: query.force === "true" });
  }
}
