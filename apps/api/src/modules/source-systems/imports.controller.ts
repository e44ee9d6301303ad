import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { currentContext, rawRecordsAt, requireTenantId } from "@idlife/db";
import { approveImport, startImport } from "@idlife/use-cases";
import { idParamsSchema, importSchema, startImportRequestSchema } from "@idlife/contracts";
import type { JobProducer } from "@idlife/jobs";
import { notFound } from "../../common/http/api-error.ts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { JOB_PRODUCER } from "../../infrastructure/tokens.ts";
import { toImportResponse } from "./source-system-response.ts";
import { describePath, rawDataPrivacy, searchVisibleRawRecords, visibleBlockedReason, visibleRawData } from "./raw-data-privacy.ts";

const tags = ["Imports"];
const listQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20) });
const rawQuerySchema = z.strictObject({
  importId: z.uuid().optional().describe("An earlier import of this source: its raw data as delivered then (default: the latest)"),
  search: z.string().trim().max(200).optional(),
  kind: z.enum(["person", "department"]).default("person"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  // Deep pages cost a scan of everything before them; search narrows instead.
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const rawPageSchema = z.object({
  importId: z.uuid().nullable(),
  total: z.number(),
  items: z.array(z.object({ sourceKey: z.string(), kind: z.string(), data: z.unknown() })),
  /** Source fields shown as "[hidden]": they become personal contact data, which this caller may not see. */
  hiddenFields: z.array(z.string()),
  /** Personal contact fields filled by a script whose source fields could not be told: those are not hidden. */
  personalFieldsNotFollowed: z.array(z.string()),
});
const blockedPersonSchema = z.object({ externalId: z.string(), reasons: z.array(z.string()) });

const actorLabel = () => currentContext().actor?.label ?? "unknown";

@Controller()
export class ImportsController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {}

  @Endpoint({ method: "POST", path: "source-systems/:id/imports", status: 202, access: tenantAccess("operate"), summary: "Import now (runs on the worker; follow it at /imports/{id})", tags, params: idParamsSchema, body: startImportRequestSchema, response: importSchema })
  async start(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof startImportRequestSchema>) {
    const started = await startImport(this.deps(), { trigger: "manual", sourceSystemId: params.id, requestedBy: actorLabel(), uploadIds: body.uploadIds });
    return toImportResponse(started.import);
  }

  @Endpoint({ method: "GET", path: "source-systems/:id/imports", access: tenantAccess("read"), summary: "Recent imports of a source system, newest first", tags, params: idParamsSchema, query: listQuerySchema, response: z.array(importSchema) })
  list(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof listQuerySchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      if (!(await tx.sourceSystem.findFirst({ where: { id: params.id, tenantId }, select: { id: true } }))) throw notFound("Source system");
      const rows = await tx.import.findMany({ where: { tenantId, sourceSystemId: params.id }, orderBy: { createdAt: "desc" }, take: query.limit });
      return rows.map(toImportResponse);
    });
  }

  @Endpoint({ method: "GET", path: "imports/:id", access: tenantAccess("read"), summary: "One import with its progress, counts and (when blocked) what it would have done", tags, params: idParamsSchema, response: importSchema })
  get(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const row = await tx.import.findFirst({ where: { id: params.id, tenantId } });
      if (!row) throw notFound("Import");
      return toImportResponse(row);
    });
  }

  @Endpoint({ method: "POST", path: "imports/:id/approve", access: tenantAccess("configure"), summary: "Apply a blocked import once, despite its safety thresholds", tags, params: idParamsSchema, response: importSchema })
  async approve(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return toImportResponse(await approveImport(this.deps(), { importId: params.id, approvedBy: actorLabel() }));
  }

  @Endpoint({ method: "GET", path: "source-systems/:id/raw-records", access: tenantAccess("read"), summary: "Raw data of the latest import (or of an earlier one), exactly as delivered; search by key or any value. Source fields that become personal contact data are hidden from callers who may not see it.", tags, params: idParamsSchema, query: rawQuerySchema, response: rawPageSchema })
  raw(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof rawQuerySchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const source = await tx.sourceSystem.findFirst({ where: { id: params.id, tenantId }, select: { id: true, mapping: true } });
      if (!source) throw notFound("Source system");
      const privacy = rawDataPrivacy(source.mapping);
      const hidden = { hiddenFields: privacy.paths.map(describePath), personalFieldsNotFollowed: privacy.unknown };
      const latest = await tx.import.findFirst({
        where: { tenantId, sourceSystemId: params.id, rawSeq: { not: null }, ...(query.importId ? { id: query.importId } : { status: { in: ["completed", "blocked"] } }) },
        orderBy: { createdAt: "desc" },
      });
      if (!latest && query.importId) throw notFound("Import with raw data");
      if (!latest) return { importId: null, total: 0, items: [], ...hidden };
      const where = { ...rawRecordsAt(tenantId, params.id, latest.rawSeq!), kind: query.kind };
      const page = async () => {
        if (query.search && query.kind === "person" && privacy.paths.length > 0) {
          const found = await searchVisibleRawRecords(tx, { tenantId, sourceSystemId: params.id, seq: latest.rawSeq!, kind: query.kind, search: query.search, paths: privacy.paths, offset: query.offset, limit: query.limit });
          const rows = new Map((await tx.rawRecord.findMany({ where: { tenantId, id: { in: found.ids } } })).map((row) => [row.id, row]));
          return { total: found.total, rows: found.ids.flatMap((id) => rows.get(id) ?? []) };
        }
        const searched = { ...where, ...(query.search ? { searchText: { contains: query.search.toLowerCase() } } : {}) };
        const [total, rows] = await Promise.all([
          tx.rawRecord.count({ where: searched }),
          tx.rawRecord.findMany({ where: searched, orderBy: { sourceKey: "asc" }, skip: query.offset, take: query.limit }),
        ]);
        return { total, rows };
      };
      const { total, rows } = await page();
      return { importId: latest.id, total, items: rows.map((row) => ({ sourceKey: row.sourceKey, kind: row.kind, data: visibleRawData(row.data, row.kind, privacy) })), ...hidden };
    });
  }

  @Endpoint({ method: "GET", path: "source-systems/:id/blocked-persons", access: tenantAccess("read"), summary: "Persons this source delivers that mapping blocked, with the reason", tags, params: idParamsSchema, response: z.array(blockedPersonSchema) })
  blocked(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      if (!(await tx.sourceSystem.findFirst({ where: { id: params.id, tenantId }, select: { id: true } }))) throw notFound("Source system");
      const rows = await tx.personSource.findMany({
        where: { tenantId, sourceSystemId: params.id, delivered: true, NOT: { blockedReasons: { isEmpty: true } } },
        orderBy: { externalId: "asc" },
      });
      return rows.map((row) => ({ externalId: row.externalId, reasons: row.blockedReasons.map(visibleBlockedReason) }));
    });
  }

  private deps() {
    return { db: this.db.scope(), jobs: this.jobs };
  }
}
