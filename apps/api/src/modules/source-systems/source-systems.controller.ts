import { Controller, Inject, Req } from "@nestjs/common";
import type { Request } from "express";
import { z } from "zod";
import { currentContext, requireTenantId } from "@idlife/db";
import { createSourceSystem, deleteSourceSystem, findCsvSource, findSourceSystem, pushSourceRecords, storeUpload, toSourceSystemResponse, updateSourceSystem } from "@idlife/use-cases";
import {
  createSourceSystemRequestSchema,
  idParamsSchema,
  pushRecordsRequestSchema,
  sourceRecordRoutes,
  sourceSystemRoutes,
  updateSourceSystemRequestSchema,
} from "@idlife/contracts";
import type { JobProducer } from "@idlife/jobs";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams } from "../../common/http/validated.ts";
import { readBodyWithin } from "../../common/http/read-body.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { API_CONFIG, JOB_PRODUCER } from "../../infrastructure/tokens.ts";
import type { ApiConfig } from "../../config/api-config.ts";
import { toImportResponse } from "./source-system-response.ts";

const uploadParamsSchema = sourceSystemRoutes.upload.params;

@Controller()
export class SourceSystemsController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {}

  @Endpoint({ route: sourceSystemRoutes.list, access: tenantAccess("read") })
  list() {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) =>
      (await tx.sourceSystem.findMany({ where: { tenantId }, orderBy: { name: "asc" } })).map((row) => toSourceSystemResponse(row, this.config.secretsKey)),
    );
  }

  @Endpoint({ route: sourceSystemRoutes.get, access: tenantAccess("read") })
  get(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => toSourceSystemResponse(await findSourceSystem(tx, tenantId, params.id), this.config.secretsKey));
  }

  @Endpoint({ route: sourceSystemRoutes.create, access: tenantAccess("configure") })
  create(@ValidBody() body: z.infer<typeof createSourceSystemRequestSchema>) {
    return createSourceSystem({ db: this.db.scope(), secretsKey: this.config.secretsKey }, body);
  }

  @Endpoint({ route: sourceSystemRoutes.update, access: tenantAccess("configure") })
  async update(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof updateSourceSystemRequestSchema>) {
    return updateSourceSystem(this.deps(), { sourceSystemId: params.id, changes: body });
  }

  @Endpoint({ route: sourceSystemRoutes.remove, status: 204, access: tenantAccess("configure") })
  async remove(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    await deleteSourceSystem(this.deps(), { sourceSystemId: params.id });
  }

  @Endpoint({ route: sourceSystemRoutes.upload, access: tenantAccess("operate"), rawBody: true })
  async upload(@ValidParams() params: z.infer<typeof uploadParamsSchema>, @Req() request: Request) {
    // The access guard has checked the caller; the source system is checked here, both before a
    // byte of the body is read (no parser runs for this route; see create-app.ts).
    const tenantId = requireTenantId();
    await this.db.run((tx) => findCsvSource(tx, tenantId, params.id));
    const content = await readBodyWithin(request, this.config.UPLOAD_LIMIT_BYTES);
    const fileName = String(request.headers["x-file-name"] ?? `${params.role}.csv`).slice(0, 200);
    return storeUpload({ db: this.db.scope(), quotaBytes: this.config.UPLOAD_QUOTA_BYTES_PER_TENANT }, { sourceSystemId: params.id, role: params.role, fileName, content });
  }

  /** Records pushed by an integrator or an HR system's webhook: an import of those persons only. */
  @Endpoint({ route: sourceRecordRoutes.push, status: 202, access: tenantAccess("operate") })
  async push(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof pushRecordsRequestSchema>) {
    const requestedBy = currentContext().actor?.label ?? "unknown";
    const run = await pushSourceRecords({ db: this.db.scope(), jobs: this.jobs, quotaBytes: this.config.UPLOAD_QUOTA_BYTES_PER_TENANT }, { sourceSystemId: params.id, requestedBy, body });
    return toImportResponse(run);
  }

  private deps() {
    return { db: this.db.scope(), jobs: this.jobs, secretsKey: this.config.secretsKey };
  }
}
