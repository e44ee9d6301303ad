import { Controller, Inject } from "@nestjs/common";
import { requireTenantId } from "@idlife/db";
import { dashboardRoutes } from "@idlife/contracts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { readDashboard } from "./read-dashboard.ts";

@Controller()
export class DashboardController {
  constructor(@Inject(TenantDatabase) private readonly db: TenantDatabase) {}

  @Endpoint({ route: dashboardRoutes.get, access: tenantAccess("read") })
  get() {
    const tenantId = requireTenantId();
    return this.db.run((tx) => readDashboard(tx, tenantId));
  }
}
