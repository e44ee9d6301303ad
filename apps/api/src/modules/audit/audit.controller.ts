import { Controller, Inject, Res } from "@nestjs/common";
import type { Response } from "express";
import type { Redis } from "ioredis";
import { z } from "zod";
import { requireTenantId } from "@idlife/db";
import { auditExportQuerySchema, auditQuerySchema, auditRoutes } from "@idlife/contracts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidQuery } from "../../common/http/validated.ts";
import { sharedExportSlots, type ExportSlots } from "../../common/csv/export-slots.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { API_CONFIG, REDIS } from "../../infrastructure/tokens.ts";
import type { ApiConfig } from "../../config/api-config.ts";
import { auditWhere, toAuditEntries } from "./audit-entries.ts";
import { exportAuditLogCsv } from "./audit-export.ts";

@Controller()
export class AuditController {
  private readonly exportSlots: ExportSlots;

  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(REDIS) redis: Redis,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.exportSlots = sharedExportSlots(redis, config);
  }

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
    await exportAuditLogCsv({ db: this.db, slots: this.exportSlots, batchSize: this.config.PERSONS_EXPORT_BATCH_SIZE }, { tenantId, filter, separator }, response);
  }
}
