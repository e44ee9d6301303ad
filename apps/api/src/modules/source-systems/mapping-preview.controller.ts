import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { rawRecordsAt, requireTenantId } from "@idlife/db";
import { mapRawPersons, parseMapping } from "@idlife/connectors";
import { dateAmbiguityWarnings } from "@idlife/core";
import { checkScript } from "@idlife/sandbox";
import { idParamsSchema, mappingDefinitionSchema } from "@idlife/contracts";
import { badRequest, notFound } from "../../common/http/api-error.ts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { validateMapping } from "./connector-settings.ts";

const tags = ["Source systems"];
const previewRequestSchema = z.strictObject({
  /** The mapping to try, saved or not. */
  mapping: mappingDefinitionSchema,
  /** Raw records to map (their source keys); default: the first `limit` of the latest import. */
  sourceKeys: z.array(z.string().min(1).max(200)).max(20).optional(),
  limit: z.number().int().min(1).max(20).default(5),
});
const previewResponseSchema = z.object({
  importId: z.uuid().nullable(),
  /** Date columns that read both day-first and month-first in the previewed records. */
  warnings: z.array(z.string()),
  items: z.array(
    z.object({
      sourceKey: z.string(),
      raw: z.unknown(),
      result: z.union([
        z.object({ status: z.literal("mapped"), person: z.record(z.string(), z.unknown()) }),
        z.object({ status: z.literal("blocked"), reasons: z.array(z.string()) }),
      ]),
    }),
  ),
});
const checkRequestSchema = z.strictObject({ script: z.string().max(20_000) });
const checkResponseSchema = z.union([
  z.object({ ok: z.literal(true), warning: z.string().optional() }),
  z.object({ ok: z.literal(false), message: z.string(), line: z.number().optional() }),
]);

/** Lets an administrator try a mapping on real raw records before saving it; changes nothing. */
@Controller("source-systems")
export class MappingPreviewController {
  constructor(@Inject(TenantDatabase) private readonly db: TenantDatabase) {}

  @Endpoint({ method: "POST", path: ":id/mapping/preview", status: 200, access: tenantAccess("configure"), summary: "Map chosen raw records with an unsaved mapping and show the result next to the raw record", tags, params: idParamsSchema, body: previewRequestSchema, response: previewResponseSchema })
  async preview(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof previewRequestSchema>) {
    const tenantId = requireTenantId();
    const mapping = validateMapping(body.mapping);
    const { importId, records } = await this.db.run(async (tx) => {
      if (!(await tx.sourceSystem.findFirst({ where: { id: params.id, tenantId }, select: { id: true } }))) throw notFound("Source system");
      const latest = await tx.import.findFirst({ where: { tenantId, sourceSystemId: params.id, status: { in: ["completed", "blocked"] }, rawSeq: { not: null } }, orderBy: { createdAt: "desc" } });
      if (!latest) return { importId: null, records: [] };
      const rows = await tx.rawRecord.findMany({
        where: { ...rawRecordsAt(tenantId, params.id, latest.rawSeq!), kind: "person", ...(body.sourceKeys ? { sourceKey: { in: body.sourceKeys } } : {}) },
        orderBy: { id: "asc" },
        take: body.sourceKeys?.length ?? body.limit,
      });
      return { importId: latest.id, records: rows.map((row) => ({ sourceKey: row.sourceKey, record: row.data as Record<string, unknown> })) };
    });
    if (body.sourceKeys && records.length < body.sourceKeys.length) {
      const found = new Set(records.map((record) => record.sourceKey));
      throw badRequest("unknown_source_keys", `No raw record with key ${body.sourceKeys.filter((key) => !found.has(key)).join(", ")} in the latest import.`);
    }
    // Short time limits, per script and for the whole preview: a preview is interactive.
    const mapped = await mapRawPersons(mapping, records, () => {}, { tenantId, timeoutMs: 500, totalTimeoutMs: 10_000 });
    return {
      importId,
      warnings: dateAmbiguityWarnings(parseMapping(mapping), records.map((record) => record.record)),
      items: records.map((record, index) => {
        const outcome = mapped[index]!;
        return {
          sourceKey: record.sourceKey,
          raw: record.record,
          result: outcome.mapped ? { status: "mapped" as const, person: outcome.mapped as Record<string, unknown> } : { status: "blocked" as const, reasons: outcome.reasons ?? [] },
        };
      }),
    };
  }

  @Endpoint({ method: "POST", path: "mapping/check-script", status: 200, access: tenantAccess("configure"), summary: "Check that a complex mapping script compiles (syntax, line)", tags, body: checkRequestSchema, response: checkResponseSchema })
  async check(@ValidBody() body: z.infer<typeof checkRequestSchema>) {
    const result = await checkScript(body.script);
    return result.ok ? { ok: true as const, ...(result.warning ? { warning: result.warning } : {}) } : { ok: false as const, message: result.message, ...(result.line ? { line: result.line } : {}) };
  }
}
