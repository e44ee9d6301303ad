import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { listTargetActions, listTargetPermissions, readTargetInventory, refreshPermissions, runInventory, testTargetConnection } from "@idlife/use-cases";
import { idParamsSchema, inventoryQuerySchema, runInventoryRequestSchema, targetActionsQuerySchema, targetSystemRoutes } from "@idlife/contracts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TargetDeps } from "./target-deps.ts";

/** What an administrator does with a connected target system: test it, list its permissions, take inventory, read its work table. */
@Controller()
export class TargetSystemOperationsController {
  constructor(@Inject(TargetDeps) private readonly deps: TargetDeps) {}

  @Endpoint({ route: targetSystemRoutes.testConnection, status: 200, access: tenantAccess("configure") })
  testConnection(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return testTargetConnection(this.deps.connector(), { targetSystemId: params.id });
  }

  @Endpoint({ route: targetSystemRoutes.permissions, access: tenantAccess("read") })
  permissions(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return listTargetPermissions(this.deps.read(), { targetSystemId: params.id });
  }

  @Endpoint({ route: targetSystemRoutes.refreshPermissions, status: 200, access: tenantAccess("operate") })
  refreshPermissions(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return refreshPermissions(this.deps.connector(), { targetSystemId: params.id });
  }

  @Endpoint({ route: targetSystemRoutes.runInventory, status: 200, access: tenantAccess("operate") })
  runInventory(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof runInventoryRequestSchema>) {
    return runInventory(this.deps.connector(), { targetSystemId: params.id, ...body });
  }

  @Endpoint({ route: targetSystemRoutes.inventory, access: tenantAccess("read") })
  inventory(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof inventoryQuerySchema>) {
    return readTargetInventory(this.deps.read(), { targetSystemId: params.id, query });
  }

  @Endpoint({ route: targetSystemRoutes.actions, access: tenantAccess("read") })
  actions(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof targetActionsQuerySchema>) {
    return listTargetActions(this.deps.read(), { targetSystemId: params.id, query });
  }
}
