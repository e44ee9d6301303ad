import { Controller, Inject, Req } from "@nestjs/common";
import type { Request } from "express";
import { z } from "zod";
import { PrismaNamespace, encryptSecrets, decryptSecrets, recordAudit, requireTenantId, type TransactionClient } from "@idlife/db";
import {
  createSourceSystemRequestSchema,
  idParamsSchema,
  sourceSystemRoutes,
  updateSourceSystemRequestSchema,
} from "@idlife/contracts";
import type { JobProducer } from "@idlife/jobs";
import { badRequest, conflict, notFound } from "../../common/http/api-error.ts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams } from "../../common/http/validated.ts";
import { readBodyWithin } from "../../common/http/read-body.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { API_CONFIG, JOB_PRODUCER } from "../../infrastructure/tokens.ts";
import type { ApiConfig } from "../../config/api-config.ts";
import { toSourceSystemResponse } from "./source-system-response.ts";
import { auditSecretPaths, checkRequestSecrets, prepareConnectorSettings, refuseUnconfirmedSecrets, validateMapping, validateSchedule } from "./connector-settings.ts";
import { requestSnapshot } from "./request-snapshot.ts";
import { refuseUnknownTemplateColumns } from "./template-columns.ts";
import { assertUploadQuota } from "./upload-quota.ts";

const uploadParamsSchema = sourceSystemRoutes.upload.params;

async function findSourceSystem(tx: TransactionClient, id: string) {
  const row = await tx.sourceSystem.findFirst({ where: { id, tenantId: requireTenantId() } });
  if (!row) throw notFound("Source system");
  return row;
}

function requireCsvSource<T extends { connectorType: string }>(row: T): T {
  if (row.connectorType !== "csv") throw badRequest("not_a_csv_source", "Only CSV source systems take uploads.");
  return row;
}

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
    return this.db.run(async (tx) => toSourceSystemResponse(await findSourceSystem(tx, params.id), this.config.secretsKey));
  }

  @Endpoint({ route: sourceSystemRoutes.create, access: tenantAccess("configure") })
  create(@ValidBody() body: z.infer<typeof createSourceSystemRequestSchema>) {
    const tenantId = requireTenantId();
    checkRequestSecrets(body.connectorType, body.secrets);
    const { settings, secrets } = prepareConnectorSettings(body.connectorType, body.settings, body.secrets ?? {});
    return this.db.run(async (tx) => {
      if (await tx.sourceSystem.findFirst({ where: { tenantId, name: body.name } })) {
        throw conflict("name_taken", `A source system named '${body.name}' exists; choose another name.`);
      }
      const row = await tx.sourceSystem.create({
        data: {
          tenantId,
          name: body.name,
          connectorType: body.connectorType,
          settings: settings as object,
          secrets: Object.keys(secrets).length > 0 ? encryptSecrets(secrets, this.config.secretsKey) : null,
          ...(body.mapping ? { mapping: validateMapping(body.mapping) as object } : {}),
          ...(body.thresholds ? { thresholds: body.thresholds } : {}),
          ...(body.schedule ? { schedule: validateSchedule(body.schedule) as object } : {}),
          enabled: body.enabled ?? true,
        },
      });
      const response = toSourceSystemResponse(row, this.config.secretsKey);
      await recordAudit(tx, { action: "source_system.create", targetType: "source_system", targetId: row.id, after: response, secretPaths: auditSecretPaths(body.connectorType) });
      return response;
    });
  }

  @Endpoint({ route: sourceSystemRoutes.update, access: tenantAccess("configure") })
  async update(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof updateSourceSystemRequestSchema>) {
    const tenantId = requireTenantId();
    const { response, mappingChanged } = await this.db.run(async (tx) => {
      const row = await findSourceSystem(tx, params.id);
      checkRequestSecrets(row.connectorType, body.secrets);
      const before = toSourceSystemResponse(row, this.config.secretsKey);
      const stored = decryptSecrets(row.secrets, this.config.secretsKey);
      const requestSecrets = body.secrets ?? {};
      const merged = Object.fromEntries(Object.entries(stored).map(([key, value]) => [key, String(value)]));
      for (const [key, value] of Object.entries(requestSecrets)) {
        if (value === null) delete merged[key];
        else merged[key] = value;
      }
      const prepared = prepareConnectorSettings(row.connectorType, (body.settings ?? row.settings) as Record<string, unknown>, merged, requestSecrets);
      if (body.settings) refuseUnconfirmedSecrets(row, prepared.settings, { stored: Object.keys(stored), given: body.secrets, typedInto: body.settings });
      const secrets = Object.keys(prepared.secrets).length > 0 ? encryptSecrets(prepared.secrets, this.config.secretsKey) : null;
      if (body.name && body.name !== row.name && (await tx.sourceSystem.findFirst({ where: { tenantId, name: body.name } }))) {
        throw conflict("name_taken", `A source system named '${body.name}' exists; choose another name.`);
      }
      const mapping = body.mapping ? validateMapping(body.mapping) : undefined;
      if (mapping) await refuseUnknownTemplateColumns(tx, tenantId, row.id, mapping);
      const updated = await tx.sourceSystem.update({
        where: { id: row.id },
        data: {
          ...(body.name ? { name: body.name } : {}),
          settings: prepared.settings as object,
          secrets,
          ...(mapping ? { mapping: mapping as object } : {}),
          ...(body.thresholds ? { thresholds: body.thresholds } : {}),
          ...(body.schedule !== undefined ? { schedule: body.schedule === null ? PrismaNamespace.DbNull : (validateSchedule(body.schedule) as object) } : {}),
          ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
        },
      });
      const after = toSourceSystemResponse(updated, this.config.secretsKey);
      await recordAudit(tx, { action: "source_system.update", targetType: "source_system", targetId: row.id, before, after, secretPaths: auditSecretPaths(row.connectorType) });
      const mappingChanged = body.mapping !== undefined && JSON.stringify(before.mapping) !== JSON.stringify(after.mapping);
      return { response: after, mappingChanged };
    });
    if (mappingChanged) await requestSnapshot(this.db, this.jobs, { cause: "configuration" });
    return response;
  }

  @Endpoint({ route: sourceSystemRoutes.remove, status: 204, access: tenantAccess("configure") })
  async remove(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    await this.db.run(async (tx) => {
      const row = await findSourceSystem(tx, params.id);
      await tx.personSource.updateMany({ where: { tenantId: row.tenantId, sourceSystemId: row.id }, data: { delivered: false, pendingSnapshot: true } });
      await tx.sourceSystem.delete({ where: { id: row.id } });
      await recordAudit(tx, { action: "source_system.delete", targetType: "source_system", targetId: row.id, before: { name: row.name, connectorType: row.connectorType } });
    });
    await requestSnapshot(this.db, this.jobs, { cause: "configuration" });
  }

  @Endpoint({ route: sourceSystemRoutes.upload, access: tenantAccess("operate"), rawBody: true })
  async upload(@ValidParams() params: z.infer<typeof uploadParamsSchema>, @Req() request: Request) {
    // The access guard has checked the caller; the source system is checked here, both before a
    // byte of the body is read (no parser runs for this route; see create-app.ts).
    await this.db.run(async (tx) => requireCsvSource(await findSourceSystem(tx, params.id)));
    const content = await readBodyWithin(request, this.config.UPLOAD_LIMIT_BYTES);
    if (content.length === 0) {
      throw badRequest("empty_upload", "Send the file as the request body (for example: curl -T persons.csv ...).");
    }
    const fileName = String(request.headers["x-file-name"] ?? `${params.role}.csv`).slice(0, 200);
    return this.db.run(async (tx) => {
      const row = requireCsvSource(await findSourceSystem(tx, params.id));
      await assertUploadQuota(tx, row.tenantId, content.length, this.config.UPLOAD_QUOTA_BYTES_PER_TENANT);
      const upload = await tx.sourceUpload.create({
        data: { tenantId: row.tenantId, sourceSystemId: row.id, role: params.role, fileName, sizeBytes: content.length, content: new Uint8Array(content) },
      });
      await recordAudit(tx, { action: "source_system.upload", targetType: "source_system", targetId: row.id, after: { role: params.role, fileName, sizeBytes: content.length } });
      return { id: upload.id, role: params.role, fileName, sizeBytes: upload.sizeBytes, createdAt: upload.createdAt.toISOString() };
    });
  }
}
