import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { rawRecordsAt, requireTenantId } from "@idlife/db";
import { mapRawPersons, parseMapping } from "@idlife/connectors";
import { dateAmbiguityWarnings } from "@idlife/core";
import { checkScript } from "@idlife/sandbox";
import { idParamsSchema, mappingPreviewRequestSchema, mappingPreviewRoutes, sourceFieldsQuerySchema } from "@idlife/contracts";
import { badRequest, notFound } from "../../common/http/api-error.ts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { API_CONFIG, REDIS } from "../../infrastructure/tokens.ts";
import type { ApiConfig } from "../../config/api-config.ts";
import { uploadPreviewSlots, type ExportSlots } from "../../common/csv/export-slots.ts";
import type { Redis } from "ioredis";
import { validateMapping } from "@idlife/use-cases";
import { previewPrivacy } from "./raw-data-privacy.ts";
import { loadPreviewUploads, readSourceFields, readUploadedPersons } from "./source-uploads.ts";

const checkRequestSchema = mappingPreviewRoutes.check.body;

/** Lets an administrator try a mapping on real raw records before saving it; changes nothing. */
@Controller()
export class MappingPreviewController {
  private readonly uploadPreviews: ExportSlots;

  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(REDIS) redis: Redis,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.uploadPreviews = uploadPreviewSlots(redis, config);
  }

  @Endpoint({ route: mappingPreviewRoutes.preview, status: 200, access: tenantAccess("configure") })
  async preview(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof mappingPreviewRequestSchema>) {
    if (body.from !== "upload") return this.previewOn(params, body);
    // Reading the uploaded files holds them in this process: one such preview per tenant at a time.
    const slot = await this.uploadPreviews.acquire(requireTenantId());
    try {
      return await this.previewOn(params, body);
    } finally {
      await slot.release();
    }
  }

  private async previewOn(params: z.infer<typeof idParamsSchema>, body: z.infer<typeof mappingPreviewRequestSchema>) {
    const tenantId = requireTenantId();
    const mapping = validateMapping(body.mapping);
    const found = await this.db.run(async (tx) => {
      const source = await tx.sourceSystem.findFirst({ where: { id: params.id, tenantId } });
      if (!source) throw notFound("Source system");
      if (body.from === "upload") return { uploads: await loadPreviewUploads(tx, source), importId: null, files: [], records: [], storedMapping: source.mapping };
      const latest = await tx.import.findFirst({ where: { tenantId, sourceSystemId: params.id, status: { in: ["completed", "blocked"] }, rawSeq: { not: null } }, orderBy: { createdAt: "desc" } });
      if (!latest) return { uploads: null, importId: null, files: [], records: [], storedMapping: source.mapping };
      const rows = await tx.rawRecord.findMany({
        where: { ...rawRecordsAt(tenantId, params.id, latest.rawSeq!), kind: "person", ...(body.sourceKeys ? { sourceKey: { in: body.sourceKeys } } : {}) },
        orderBy: { id: "asc" },
        take: body.sourceKeys?.length ?? body.limit,
      });
      return { uploads: null, importId: latest.id, files: [], records: rows.map((row) => ({ sourceKey: row.sourceKey, record: row.data as Record<string, unknown> })), storedMapping: source.mapping };
    });
    // Uploads are read after the transaction: a large file takes a while to parse.
    const { importId, storedMapping } = found;
    const { files, records } = found.uploads ? await readUploadedPersons(found.uploads, { sourceKeys: body.sourceKeys, limit: body.limit }) : found;
    if (body.sourceKeys && records.length < body.sourceKeys.length) {
      const found = new Set(records.map((record) => record.sourceKey));
      const where = body.from === "upload" ? "the uploaded persons file" : "the latest import";
      throw badRequest("unknown_source_keys", `No raw record with key ${body.sourceKeys.filter((key) => !found.has(key)).join(", ")} in ${where}.`);
    }
    // Short time limits, per script and for the whole preview: a preview is interactive.
    const mapped = await mapRawPersons(mapping, records, () => {}, { tenantId, timeoutMs: 500, totalTimeoutMs: 10_000 });
    const privacy = previewPrivacy(storedMapping, mapping);
    return {
      importId,
      warnings: dateAmbiguityWarnings(parseMapping(mapping), records.map((record) => record.record)),
      origin: body.from,
      files,
      items: records.map((record, index) => {
        const outcome = mapped[index]!;
        const person = outcome.mapped as Record<string, unknown> | undefined;
        return {
          sourceKey: record.sourceKey,
          raw: privacy.raw(record.record),
          result: person ? { status: "mapped" as const, person: privacy.person(person) } : { status: "blocked" as const, reasons: privacy.reasons(outcome.reasons ?? []) },
        };
      }),
    };
  }

  @Endpoint({ route: mappingPreviewRoutes.sourceFields, access: tenantAccess("read") })
  sourceFields(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof sourceFieldsQuerySchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const source = await tx.sourceSystem.findFirst({ where: { id: params.id, tenantId }, select: { id: true, tenantId: true, connectorType: true, settings: true } });
      if (!source) throw notFound("Source system");
      return readSourceFields(tx, source, query.role);
    });
  }

  @Endpoint({ route: mappingPreviewRoutes.check, status: 200, access: tenantAccess("configure") })
  async check(@ValidBody() body: z.infer<typeof checkRequestSchema>) {
    const result = await checkScript(body.script);
    return result.ok ? { ok: true as const, ...(result.warning ? { warning: result.warning } : {}) } : { ok: false as const, message: result.message, ...(result.line ? { line: result.line } : {}) };
  }
}
