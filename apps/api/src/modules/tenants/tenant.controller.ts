import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { recordAudit, requireTenantId } from "@idlife/db";
import { tenantSchema, updateTenantRequestSchema, tenantSettingsSchema } from "@idlife/contracts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { toTenantResponse } from "./tenant-response.ts";

@Controller("tenant")
export class TenantController {
  constructor(@Inject(TenantDatabase) private readonly db: TenantDatabase) {}

  @Endpoint({ method: "GET", path: "", access: tenantAccess("read"), summary: "The current tenant", tags: ["Tenant"], response: tenantSchema })
  async get() {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => toTenantResponse(await tx.tenant.findUniqueOrThrow({ where: { id: tenantId } })));
  }

  @Endpoint({
    method: "PATCH",
    path: "",
    access: tenantAccess("configure"),
    summary: "Rename the tenant or change its settings",
    tags: ["Tenant"],
    body: updateTenantRequestSchema,
    response: tenantSchema,
  })
  async update(@ValidBody() body: z.infer<typeof updateTenantRequestSchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const before = toTenantResponse(await tx.tenant.findUniqueOrThrow({ where: { id: tenantId } }));
      const settings = tenantSettingsSchema.parse({ ...before.settings, ...body.settings });
      const after = toTenantResponse(
        await tx.tenant.update({ where: { id: tenantId }, data: { name: body.name ?? before.name, settings } }),
      );
      await recordAudit(tx, {
        action: "tenant.update",
        targetType: "tenant",
        targetId: tenantId,
        before: { name: before.name, settings: before.settings },
        after: { name: after.name, settings: after.settings },
      });
      return after;
    });
  }
}
