import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { currentContext, rawRecordsAt, requireTenantId } from "@idlife/db";
import { approveImport, startImport } from "@idlife/use-cases";
import { idParamsSchema, importRoutes, startImportRequestSchema } from "@idlife/contracts";
import type { JobProducer } from "@idlife/jobs";
import { notFound } from "../../common/http/api-error.ts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { JOB_PRODUCER } from "../../infrastructure/tokens.ts";
import { toImportResponse } from "./source-system-response.ts";
import { refuseRemovedRawData } from "./raw-data-removed.ts";
import { describePath, rawDataPrivacy, searchVisibleRawRecords, visibleBlockedReason, visibleRawData } from "./raw-data-privacy.ts";

const listQuerySchema = importRoutes.list.query;
const rawQuerySchema = importRoutes.raw.query;

const actorLabel = () => currentContext().actor?.label ?? "unknown";

@Controller()
export class ImportsController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {}

  @Endpoint({ route: importRoutes.start, status: 202, access: tenantAccess("operate") })
  async start(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof startImportRequestSchema>) {
    const started = await startImport(this.deps(), { trigger: "manual", sourceSystemId: params.id, requestedBy: actorLabel(), uploadIds: body.uploadIds });
    return toImportResponse(started.import);
  }

  @Endpoint({ route: importRoutes.list, access: tenantAccess("read") })
  list(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof listQuerySchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      if (!(await tx.sourceSystem.findFirst({ where: { id: params.id, tenantId }, select: { id: true } }))) throw notFound("Source system");
      const rows = await tx.import.findMany({ where: { tenantId, sourceSystemId: params.id, ...(query.trigger ? { trigger: query.trigger } : {}) }, orderBy: { createdAt: "desc" }, take: query.limit });
      return rows.map(toImportResponse);
    });
  }

  @Endpoint({ route: importRoutes.get, access: tenantAccess("read") })
  get(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const row = await tx.import.findFirst({ where: { id: params.id, tenantId } });
      if (!row) throw notFound("Import");
      return toImportResponse(row);
    });
  }

  @Endpoint({ route: importRoutes.approve, access: tenantAccess("configure") })
  async approve(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return toImportResponse(await approveImport(this.deps(), { importId: params.id, approvedBy: actorLabel() }));
  }

  @Endpoint({ route: importRoutes.raw, access: tenantAccess("read") })
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
      await refuseRemovedRawData(tx, tenantId, latest);
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

  @Endpoint({ route: importRoutes.blocked, access: tenantAccess("read") })
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
