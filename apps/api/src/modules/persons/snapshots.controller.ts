import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { requireTenantId } from "@idlife/db";
import { idParamsSchema } from "@idlife/contracts";
import type { JobProducer } from "@idlife/jobs";
import { notFound } from "../../common/http/api-error.ts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { JOB_PRODUCER } from "../../infrastructure/tokens.ts";
import { requestSnapshot } from "@idlife/use-cases";

const tags = ["Persons"];
const snapshotSchema = z.object({
  id: z.uuid(),
  cause: z.enum(["import", "configuration", "merge", "manual"]),
  status: z.string(),
  mode: z.enum(["full", "incremental"]).nullable().describe("full: every person was decided; incremental: only persons whose source records changed"),
  importId: z.uuid().nullable(),
  counts: z.record(z.string(), z.unknown()).describe("persons, considered, added, changed, becameFormer, unchanged; while running: phase and progress"),
  error: z.string().nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
const listQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20) });

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
@Controller("snapshots")
export class SnapshotsController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {}

  @Endpoint({ method: "GET", path: "", access: tenantAccess("read"), summary: "Recent snapshots, newest first, with their cause, mode and counts", tags, query: listQuerySchema, response: z.array(snapshotSchema) })
  list(@ValidQuery() query: z.infer<typeof listQuerySchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => (await tx.snapshot.findMany({ where: { tenantId }, orderBy: { startedAt: "desc" }, take: query.limit })).map(toResponse));
  }

  @Endpoint({ method: "GET", path: ":id", access: tenantAccess("read"), summary: "One snapshot: status, progress while it runs, counts when done", tags, params: idParamsSchema, response: snapshotSchema })
  get(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const row = await tx.snapshot.findFirst({ where: { id: params.id, tenantId } });
      if (!row) throw notFound("Snapshot");
      return toResponse(row);
    });
  }

  @Endpoint({ method: "POST", path: "", status: 202, access: tenantAccess("operate"), summary: "Decide every person again now from the stored source data (no fetch); follow it at /snapshots/{id}", tags, response: snapshotSchema })
  async request() {
    return toResponse(await requestSnapshot({ db: this.db.scope(), jobs: this.jobs }, { cause: "manual" }));
  }
}
