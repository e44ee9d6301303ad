import { Controller, Inject } from "@nestjs/common";
import { requireTenantId } from "@idlife/db";
import { dashboardSchema } from "@idlife/contracts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { readDashboard } from "./read-dashboard.ts";

@Controller()
export class DashboardController {
  constructor(@Inject(TenantDatabase) private readonly db: TenantDatabase) {}

  @Endpoint({
    method: "GET",
    path: "dashboard",
    access: tenantAccess("read"),
    summary: "The tenant at a glance: persons by status, each source system's last import, blocked persons, merge suggestions waiting, imports needing attention",
    tags: ["Dashboard"],
    response: dashboardSchema,
  })
  get() {
    const tenantId = requireTenantId();
    return this.db.run((tx) => readDashboard(tx, tenantId));
  }
}
