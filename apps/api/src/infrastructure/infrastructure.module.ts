import { Global, Module } from "@nestjs/common";
import { infrastructureProviders, infrastructureTokens } from "@idlife/jobs";
import type { ApiConfig } from "../config/api-config.ts";
import { API_CONFIG } from "./tokens.ts";
import { TenantDatabase } from "./tenant-database.ts";
import { RateLimits } from "./rate-limits.ts";

@Global()
@Module({})
export class InfrastructureModule {
  static forConfig(config: ApiConfig) {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: API_CONFIG, useValue: config },
        // The API connects as the application role: row-level security applies to it. The same
        // providers (and tokens) as the worker's.
        ...infrastructureProviders(config),
        TenantDatabase,
        RateLimits,
      ],
      exports: [API_CONFIG, ...infrastructureTokens, TenantDatabase, RateLimits],
    };
  }
}
