import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { requireTenantId } from "@idlife/db";
import { auditPageSchema, auditQuerySchema } from "@idlife/contracts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidQuery } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";

@Controller("audit-log")
export class AuditController {
  constructor(@Inject(TenantDatabase) private readonly db: TenantDatabase) {}

  @Endpoint({ method: "GET", path: "", access: tenantAccess("audit"), summary: "The tenant's audit trail, newest first", tags: ["Audit log"], query: auditQuerySchema, response: auditPageSchema })
  list(@ValidQuery() query: z.infer<typeof auditQuerySchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const rows = await tx.auditEntry.findMany({
        where: { tenantId, ...(query.before ? { sequence: { lt: query.before } } : {}), ...(query.action ? { action: query.action } : {}) },
        orderBy: { sequence: "desc" },
        take: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      return {
        items: page.map((row) => ({
          id: row.id,
          sequence: row.sequence.toString(),
          actorType: row.actorType,
          actorId: row.actorId,
          actorLabel: row.actorLabel,
          action: row.action,
          targetType: row.targetType,
          targetId: row.targetId,
          before: row.before,
          after: row.after,
          ipAddress: row.ipAddress,
          createdAt: row.createdAt.toISOString(),
        })),
        nextBefore: rows.length > query.limit ? page[page.length - 1]!.sequence.toString() : null,
      };
    });
  }
}
