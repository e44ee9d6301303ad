import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { requireTenantId } from "@idlife/db";
import { findTargetSystem, refreshPermissions, runInventory, testTargetConnection, toTargetActionView } from "@idlife/use-cases";
import { idParamsSchema, inventoryQuerySchema, runInventoryRequestSchema, targetActionsQuerySchema, targetSystemRoutes } from "@idlife/contracts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TargetDeps } from "./target-deps.ts";
import { toInventoryAccountView, toPermissionView } from "./target-views.ts";

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
    const tenantId = requireTenantId();
    return this.deps.db.run(async (tx) => {
      await findTargetSystem(tx, tenantId, params.id);
      const rows = await tx.targetPermission.findMany({ where: { tenantId, targetSystemId: params.id }, orderBy: [{ goneAt: { sort: "desc", nulls: "first" } }, { displayName: "asc" }], take: 5_000 });
      return rows.map(toPermissionView);
    });
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
    const tenantId = requireTenantId();
    return this.deps.db.run(async (tx) => {
      await findTargetSystem(tx, tenantId, params.id);
      const grouped = await tx.inventoryAccount.groupBy({ by: ["status"], where: { tenantId, targetSystemId: params.id }, _count: { _all: true } });
      const counts = { managed: 0, correlatable: 0, orphaned: 0 };
      for (const group of grouped) if (group.status in counts) counts[group.status as keyof typeof counts] = group._count._all;
      const rows = await tx.inventoryAccount.findMany({
        where: { tenantId, targetSystemId: params.id, ...(query.status ? { status: query.status } : {}) },
        orderBy: [{ displayName: "asc" }, { reference: "asc" }],
        skip: query.offset,
        take: query.limit,
      });
      const personIds = [...new Set(rows.flatMap((row) => (row.personId ? [row.personId] : [])))];
      const names = new Map((await tx.person.findMany({ where: { tenantId, id: { in: personIds } }, select: { id: true, displayName: true } })).map((person) => [person.id, person.displayName]));
      return { counts, items: rows.map((row) => toInventoryAccountView(row, names)) };
    });
  }

  @Endpoint({ route: targetSystemRoutes.actions, access: tenantAccess("read") })
  actions(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof targetActionsQuerySchema>) {
    const tenantId = requireTenantId();
    return this.deps.db.run(async (tx) => {
      const system = await findTargetSystem(tx, tenantId, params.id);
      const rows = await tx.targetAction.findMany({
        where: { tenantId, targetSystemId: params.id, ...(query.state ? { state: query.state } : {}), ...(query.kind ? { kind: query.kind } : {}), ...(query.personId ? { personId: query.personId } : {}) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: query.limit,
      });
      return rows.map((row) => toTargetActionView(row, system.name));
    });
  }
}
