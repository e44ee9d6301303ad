import { Controller, Inject } from "@nestjs/common";
import { dashboardRoutes } from "@idlife/contracts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { readDashboard } from "./read-dashboard.ts";

@Controller()
export class DashboardController {
  constructor(@Inject(TenantDatabase) private readonly db: TenantDatabase) {}

  @Endpoint({ route: dashboardRoutes.get, access: tenantAccess("read") })
  get() {
    return readDashboard({ db: this.db.scope() });
  }
}
