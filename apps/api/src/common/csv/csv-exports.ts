import { Inject, Injectable } from "@nestjs/common";
import type { Redis } from "ioredis";
import type { ApiConfig } from "../../config/api-config.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { API_CONFIG, REDIS } from "../../infrastructure/tokens.ts";
import { sharedExportSlots, type ExportSlots } from "./export-slots.ts";

/**
 * What every CSV export of the API needs. One provider, so the persons and audit exports of a
 * tenant count against the same few slots.
 */
@Injectable()
export class CsvExports {
  readonly slots: ExportSlots;
  readonly batchSize: number;

  constructor(
    @Inject(TenantDatabase) readonly db: TenantDatabase,
    @Inject(REDIS) redis: Redis,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.slots = sharedExportSlots(redis, config);
    this.batchSize = config.PERSONS_EXPORT_BATCH_SIZE;
  }
}

/** The part of CsvExports an export function uses (a test may pass its own). */
export type CsvExportDependencies = Pick<CsvExports, "db" | "slots" | "batchSize">;
