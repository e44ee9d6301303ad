import { Module, type DynamicModule } from "@nestjs/common";
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from "@nestjs/core";
import { AccessGuard } from "./common/auth/access.guard.ts";
import { CsvExports } from "./common/csv/csv-exports.ts";
import { ErrorFilter } from "./common/http/error.filter.ts";
import { ValidationInterceptor } from "./common/http/validation.interceptor.ts";
import type { ApiConfig } from "./config/api-config.ts";
import { InfrastructureModule } from "./infrastructure/infrastructure.module.ts";
import { ApiKeysController } from "./modules/api-keys/api-keys.controller.ts";
import { AuditController } from "./modules/audit/audit.controller.ts";
import { AuthController } from "./modules/auth/auth.controller.ts";
import { ConnectorTypesController } from "./modules/connector-types/connector-types.controller.ts";
import { DashboardController } from "./modules/dashboard/dashboard.controller.ts";
import { HealthController } from "./modules/health/health.controller.ts";
import { InvitationsController } from "./modules/members/invitations.controller.ts";
import { MembersController } from "./modules/members/members.controller.ts";
import { PlatformController } from "./modules/platform/platform.controller.ts";
import { PersonsController } from "./modules/persons/persons.controller.ts";
import { MergesController } from "./modules/persons/merges.controller.ts";
import { SnapshotsController } from "./modules/persons/snapshots.controller.ts";
import { ImportsController } from "./modules/source-systems/imports.controller.ts";
import { MappingPreviewController } from "./modules/source-systems/mapping-preview.controller.ts";
import { SourceSystemsController } from "./modules/source-systems/source-systems.controller.ts";
import { BusinessRulesController } from "./modules/business-rules/business-rules.controller.ts";
import { EvaluationsController } from "./modules/business-rules/evaluations.controller.ts";
import { EvaluationDeps } from "./modules/business-rules/evaluation-deps.ts";
import { PersonTargetsController } from "./modules/target-systems/person-targets.controller.ts";
import { TargetSystemOperationsController } from "./modules/target-systems/target-system-operations.controller.ts";
import { TargetSystemsController } from "./modules/target-systems/target-systems.controller.ts";
import { TargetDeps } from "./modules/target-systems/target-deps.ts";
import { TenantController } from "./modules/tenants/tenant.controller.ts";

@Module({})
export class AppModule {
  static forConfig(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [DiscoveryModule, InfrastructureModule.forConfig(config)],
      controllers: [
        HealthController,
        AuthController,
        TenantController,
        MembersController,
        InvitationsController,
        ApiKeysController,
        AuditController,
        PlatformController,
        MappingPreviewController,
        ConnectorTypesController,
        SourceSystemsController,
        BusinessRulesController,
        EvaluationsController,
        ImportsController,
        PersonsController,
        MergesController,
        SnapshotsController,
        DashboardController,
        TargetSystemsController,
        TargetSystemOperationsController,
        PersonTargetsController,
      ],
      providers: [
        CsvExports,
        EvaluationDeps,
        TargetDeps,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: ValidationInterceptor },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
