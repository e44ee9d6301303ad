import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { requireTenantId } from "@idlife/db";
import { idParamsSchema, snapshotRoutes } from "@idlife/contracts";
import type { JobProducer } from "@idlife/jobs";
import { notFound } from "../../common/http/api-error.ts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { JOB_PRODUCER } from "../../infrastructure/tokens.ts";
import { requestSnapshot } from "@idlife/use-cases";

const snapshotSchema = snapshotRoutes.request.response;
const listQuerySchema = snapshotRoutes.list.query;

type SnapshotRow = { id: string; cause: string; status: string; mode: string | null; importId: string | null; counts: unknown; error: string | null; startedAt: Date; finishedAt: Date | null };
const toResponse = (row: SnapshotRow) => ({
  id: row.id,
  cause: row.cause as z.infer<typeof snapshotSchema>["cause"],
  status: row.status,
  mode: (row.mode as "full" | "incremental" | null) ?? null,
  importId: row.importId,
  counts: (row.counts ?? {}) as Record<string, unknown>,
  error: row.error,
  startedAt: row.startedAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

/** Snapshots decide the persons from the sources' latest data; administrators follow them and can ask for one. */
@Controller()
export class SnapshotsController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {}

  @Endpoint({ route: snapshotRoutes.list, access: tenantAccess("read") })
  list(@ValidQuery() query: z.infer<typeof listQuerySchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => (await tx.snapshot.findMany({ where: { tenantId }, orderBy: { startedAt: "desc" }, take: query.limit })).map(toResponse));
  }

  @Endpoint({ route: snapshotRoutes.get, access: tenantAccess("read") })
  get(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const row = await tx.snapshot.findFirst({ where: { id: params.id, tenantId } });
      if (!row) throw notFound("Snapshot");
      return toResponse(row);
    });
  }

  @Endpoint({ route: snapshotRoutes.request, status: 202, access: tenantAccess("operate") })
  async request() {
    return toResponse(await requestSnapshot({ db: this.db.scope(), jobs: this.jobs }, { cause: "manual" }));
  }
}
