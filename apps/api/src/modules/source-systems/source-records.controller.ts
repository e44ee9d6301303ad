import { Controller, Inject } from "@nestjs/common";
import type { z } from "zod";
import { currentContext } from "@idlife/db";
import { pushSourceRecords } from "@idlife/use-cases";
import { idParamsSchema, pushRecordsRequestSchema, sourceRecordRoutes } from "@idlife/contracts";
import type { JobProducer } from "@idlife/jobs";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { API_CONFIG, JOB_PRODUCER } from "../../infrastructure/tokens.ts";
import type { ApiConfig } from "../../config/api-config.ts";
import { toImportResponse } from "./source-system-response.ts";

/** Records pushed to a source system by an integrator or an HR system's webhook. */
@Controller()
export class SourceRecordsController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {}

  @Endpoint({ route: sourceRecordRoutes.push, status: 202, access: tenantAccess("operate") })
  async push(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof pushRecordsRequestSchema>) {
    const run = await pushSourceRecords(
      { db: this.db.scope(), jobs: this.jobs, quotaBytes: this.config.UPLOAD_QUOTA_BYTES_PER_TENANT },
      { sourceSystemId: params.id, requestedBy: currentContext().actor?.label ?? "unknown", body },
    );
    return toImportResponse(run);
  }
}
