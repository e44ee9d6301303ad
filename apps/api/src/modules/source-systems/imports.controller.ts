import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { currentContext, rawRecordsAt, recordAudit, requireTenantId } from "@idlife/db";
import { idParamsSchema, importRoutes, startImportRequestSchema } from "@idlife/contracts";
import type { JobProducer } from "@idlife/jobs";
import { badRequest, conflict, notFound } from "../../common/http/api-error.ts";
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
    const tenantId = requireTenantId();
    const created = await this.db.run(async (tx) => {
      const source = await tx.sourceSystem.findFirst({ where: { id: params.id, tenantId } });
      if (!source) throw notFound("Source system");
      if (!source.enabled) throw conflict("source_disabled", "This source system is disabled; enable it first.");
      await refuseWhileImporting(tx, tenantId, source.id);
      let uploadIds: string[] = [];
      if (source.connectorType === "csv") {
        const roles = csvFilesToUpload(source.settings);
        uploadIds = body.uploadIds ?? (await this.latestUploads(tx, tenantId, source.id, roles));
        const found = await tx.sourceUpload.count({ where: { tenantId, sourceSystemId: source.id, id: { in: uploadIds } } });
        // Files with a URL in the settings are downloaded by the import; the others need an upload.
        if (found !== uploadIds.length || uploadIds.length < roles.length) {
          throw badRequest("upload_required", `Upload the CSV file(s) first (PUT /source-systems/{id}/uploads/${roles[0] ?? "persons"}), or set their URL in the CSV settings.`);
        }
      }
      const row = await tx.import.create({ data: { tenantId, sourceSystemId: source.id, trigger: "manual", requestedBy: actorLabel(), uploadIds } });
      await recordAudit(tx, { action: "import.start", targetType: "import", targetId: row.id, after: { sourceSystem: source.name, uploadIds } });
      return row;
    });
    await this.jobs.enqueue("import.run", { tenantId, importId: created.id }, { jobId: `import-${created.id}` });
    return toImportResponse(created);
  }

  @Endpoint({ route: importRoutes.list, access: tenantAccess("read") })
  list(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof listQuerySchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      if (!(await tx.sourceSystem.findFirst({ where: { id: params.id, tenantId }, select: { id: true } }))) throw notFound("Source system");
      const rows = await tx.import.findMany({ where: { tenantId, sourceSystemId: params.id }, orderBy: { createdAt: "desc" }, take: query.limit });
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
    const tenantId = requireTenantId();
    const row = await this.db.run(async (tx) => {
      const found = await tx.import.findFirst({ where: { id: params.id, tenantId } });
      if (!found) throw notFound("Import");
      if (found.status !== "blocked") throw conflict("not_blocked", `Only a blocked import can be approved; this one is ${found.status}.`);
      await refuseWhileImporting(tx, tenantId, found.sourceSystemId);
      const updated = await tx.import.update({ where: { id: found.id }, data: { status: "queued", approvedAt: new Date(), approvedBy: actorLabel() } });
      await recordAudit(tx, { action: "import.approve", targetType: "import", targetId: found.id, before: { status: "blocked" }, after: { status: "queued", thresholdReport: found.thresholdReport } });
      return updated;
    });
    await this.jobs.enqueue("import.run", { tenantId, importId: row.id }, { jobId: `import-${row.id}-approved` });
    return toImportResponse(row);
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

  private async latestUploads(tx: Transaction, tenantId: string, sourceSystemId: string, roles: readonly string[]) {
    const ids: string[] = [];
    for (const role of roles) {
      const upload = await tx.sourceUpload.findFirst({ where: { tenantId, sourceSystemId, role }, orderBy: { createdAt: "desc" }, select: { id: true } });
      if (upload) ids.push(upload.id);
    }
    return ids;
  }
}

type Transaction = Parameters<Parameters<TenantDatabase["run"]>[0]>[0];

/**
 * One import of a source at a time. The source's row lock makes concurrent starts (two clicks,
 * a click and an approval) wait for each other, so the second sees the first's import and is
 * refused instead of both being accepted.
 */
async function refuseWhileImporting(tx: Transaction, tenantId: string, sourceSystemId: string) {
  await tx.$queryRaw`SELECT id FROM source_systems WHERE tenant_id = ${tenantId}::uuid AND id = ${sourceSystemId}::uuid FOR UPDATE`;
  const running = await tx.import.findFirst({ where: { tenantId, sourceSystemId, status: { in: ["queued", "running"] } } });
  if (running) throw conflict("import_running", `An import of this source system is already ${running.status} (${running.id}); wait for it to finish.`);
}

/** The CSV files of a source that must be uploaded: those its settings give no URL for. */
function csvFilesToUpload(settings: unknown): string[] {
  const csv = (settings ?? {}) as { layout?: string; persons?: { url?: string }; contracts?: { url?: string }; departments?: { url?: string } };
  const roles: Array<"persons" | "contracts" | "departments"> = ["persons", ...(csv.layout === "two-files" ? (["contracts"] as const) : []), ...(csv.departments ? (["departments"] as const) : [])];
  return roles.filter((role) => !csv[role]?.url);
}
