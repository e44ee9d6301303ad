import { Controller, Inject, Res } from "@nestjs/common";
import type { Response } from "express";
import { z } from "zod";
import { requireTenantId } from "@idlife/db";
import { auditExportQuerySchema, auditQuerySchema, auditRoutes } from "@idlife/contracts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidQuery } from "../../common/http/validated.ts";
import { CsvExports } from "../../common/csv/csv-exports.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { auditWhere, toAuditEntries } from "./audit-entries.ts";
import { exportAuditLogCsv } from "./audit-export.ts";

@Controller()
export class AuditController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(CsvExports) private readonly exports: CsvExports,
  ) {}

  @Endpoint({ route: auditRoutes.list, access: tenantAccess("audit") })
  list(@ValidQuery() query: z.infer<typeof auditQuerySchema>) {
    const tenantId = requireTenantId();
    const { limit, before, ...filter } = query;
    return this.db.run(async (tx) => {
      const rows = await tx.auditEntry.findMany({ where: auditWhere(tenantId, filter, before), orderBy: { sequence: "desc" }, take: limit + 1 });
      const page = rows.slice(0, limit);
      return { items: await toAuditEntries(tx, tenantId, page), nextBefore: rows.length > limit ? page[page.length - 1]!.sequence.toString() : null };
    });
  }

  @Endpoint({ route: auditRoutes.export, access: tenantAccess("audit") })
  async export(@ValidQuery() query: z.infer<typeof auditExportQuerySchema>, @Res() response: Response) {
    const tenantId = requireTenantId();
    const { separator, ...filter } = query;
    await exportAuditLogCsv(this.exports, { tenantId, filter, separator }, response);
  }
}
