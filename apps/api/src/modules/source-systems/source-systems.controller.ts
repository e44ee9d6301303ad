import { Controller, Inject, Req } from "@nestjs/common";
import type { Request } from "express";
import { z } from "zod";
import { requireTenantId } from "@idlife/db";
import { createSourceSystem, deleteSourceSystem, findCsvSource, findSourceSystem, storeUpload, toSourceSystemResponse, updateSourceSystem } from "@idlife/use-cases";
import {
  createSourceSystemRequestSchema,
  idParamsSchema,
  sourceSystemSchema,
  updateSourceSystemRequestSchema,
  uploadRoleSchema,
} from "@idlife/contracts";
import type { JobProducer } from "@idlife/jobs";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams } from "../../common/http/validated.ts";
import { readBodyWithin } from "../../common/http/read-body.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { API_CONFIG, JOB_PRODUCER } from "../../infrastructure/tokens.ts";
import type { ApiConfig } from "../../config/api-config.ts";

const tags = ["Source systems"];
const uploadParamsSchema = z.strictObject({ id: z.uuid(), role: uploadRoleSchema });
const uploadResponseSchema = z.object({ id: z.uuid(), role: uploadRoleSchema, fileName: z.string(), sizeBytes: z.number(), createdAt: z.iso.datetime() });

@Controller("source-systems")
export class SourceSystemsController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {}

  @Endpoint({ method: "GET", path: "", access: tenantAccess("read"), summary: "Source systems of this tenant", tags, response: z.array(sourceSystemSchema) })
  list() {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) =>
      (await tx.sourceSystem.findMany({ where: { tenantId }, orderBy: { name: "asc" } })).map((row) => toSourceSystemResponse(row, this.config.secretsKey)),
    );
  }

  @Endpoint({ method: "GET", path: ":id", access: tenantAccess("read"), summary: "One source system (secrets are never returned)", tags, params: idParamsSchema, response: sourceSystemSchema })
  get(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => toSourceSystemResponse(await findSourceSystem(tx, tenantId, params.id), this.config.secretsKey));
  }

  @Endpoint({ method: "POST", path: "", access: tenantAccess("configure"), summary: "Connect a source system", tags, body: createSourceSystemRequestSchema, response: sourceSystemSchema })
  create(@ValidBody() body: z.infer<typeof createSourceSystemRequestSchema>) {
    return createSourceSystem({ db: this.db.scope(), secretsKey: this.config.secretsKey }, body);
  }

  @Endpoint({ method: "PATCH", path: ":id", access: tenantAccess("configure"), summary: "Change a source system; a mapping change re-decides the persons (snapshot, no fetch)", tags, params: idParamsSchema, body: updateSourceSystemRequestSchema, response: sourceSystemSchema })
  async update(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof updateSourceSystemRequestSchema>) {
    return updateSourceSystem(this.deps(), { sourceSystemId: params.id, changes: body });
  }

  @Endpoint({ method: "DELETE", path: ":id", status: 204, access: tenantAccess("configure"), summary: "Remove a source system (its persons become former persons at the next snapshot)", tags, params: idParamsSchema })
  async remove(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    await deleteSourceSystem(this.deps(), { sourceSystemId: params.id });
  }

  @Endpoint({
    method: "PUT",
    path: ":id/uploads/:role",
    access: tenantAccess("operate"),
    summary: "Upload a file for a CSV source system: send the file itself as the body (text/csv or application/octet-stream)",
    tags,
    params: uploadParamsSchema,
    response: uploadResponseSchema,
    rawBody: true,
  })
  async upload(@ValidParams() params: z.infer<typeof uploadParamsSchema>, @Req() request: Request) {
    // The access guard has checked the caller; the source system is checked here, both before a
    // byte of the body is read (no parser runs for this route; see create-app.ts).
    const tenantId = requireTenantId();
    await this.db.run((tx) => findCsvSource(tx, tenantId, params.id));
    const content = await readBodyWithin(request, this.config.UPLOAD_LIMIT_BYTES);
    const fileName = String(request.headers["x-file-name"] ?? `${params.role}.csv`).slice(0, 200);
    return storeUpload({ db: this.db.scope(), quotaBytes: this.config.UPLOAD_QUOTA_BYTES_PER_TENANT }, { sourceSystemId: params.id, role: params.role, fileName, content });
  }

  private deps() {
    return { db: this.db.scope(), jobs: this.jobs, secretsKey: this.config.secretsKey };
  }
}
