import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { requireTenantId, type TransactionClient } from "@idlife/db";
import { notFound } from "@idlife/use-cases";
import { idParamsSchema, targetSystemRoutes } from "@idlife/contracts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidParams } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { toPermissionView, toTargetActionView } from "./target-views.ts";

async function findPerson(tx: TransactionClient, tenantId: string, id: string) {
  const person = await tx.person.findFirst({ where: { tenantId, id }, select: { id: true } });
  if (!person) throw notFound("Person");
}

async function systemNames(tx: TransactionClient, tenantId: string): Promise<Map<string, string>> {
  return new Map((await tx.targetSystem.findMany({ where: { tenantId }, select: { id: true, name: true } })).map((row) => [row.id, row.name]));
}

/** A person's accounts, entitlements and target actions (reads; the changes go through the engine). */
@Controller()
export class PersonTargetsController {
  constructor(@Inject(TenantDatabase) private readonly db: TenantDatabase) {}

  @Endpoint({ route: targetSystemRoutes.personAccounts, access: tenantAccess("read") })
  accounts(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      await findPerson(tx, tenantId, params.id);
      const names = await systemNames(tx, tenantId);
      const rows = await tx.targetAccount.findMany({ where: { tenantId, personId: params.id }, orderBy: { createdAt: "asc" } });
      return rows.map((row) => ({
        id: row.id,
        targetSystemId: row.targetSystemId,
        targetSystemName: names.get(row.targetSystemId) ?? "",
        personId: row.personId,
        reference: row.reference,
        location: row.location,
        managedBy: row.managedBy,
        enabled: row.enabled,
        data: (row.data ?? {}) as Record<string, unknown>,
        deletedAt: row.deletedAt?.toISOString() ?? null,
        updatedAt: row.updatedAt.toISOString(),
      }));
    });
  }

  @Endpoint({ route: targetSystemRoutes.personEntitlements, access: tenantAccess("read") })
  entitlements(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      await findPerson(tx, tenantId, params.id);
      const names = await systemNames(tx, tenantId);
      const rows = await tx.entitlement.findMany({ where: { tenantId, personId: params.id }, orderBy: { grantedAt: "asc" } });
      const permissions = new Map((await tx.targetPermission.findMany({ where: { tenantId, id: { in: rows.map((row) => row.permissionId) } } })).map((row) => [row.id, row]));
      return rows.flatMap((row) => {
        const permission = permissions.get(row.permissionId);
        if (!permission) return [];
        return [{ id: row.id, targetSystemId: row.targetSystemId, targetSystemName: names.get(row.targetSystemId) ?? "", permission: toPermissionView(permission), grantedBy: row.grantedBy as Record<string, unknown>, grantedAt: row.grantedAt.toISOString() }];
      });
    });
  }

  @Endpoint({ route: targetSystemRoutes.personActions, access: tenantAccess("read") })
  actions(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      await findPerson(tx, tenantId, params.id);
      const names = await systemNames(tx, tenantId);
      const rows = await tx.targetAction.findMany({ where: { tenantId, personId: params.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 500 });
      return rows.map((row) => toTargetActionView(row, names.get(row.targetSystemId)));
    });
  }
}
