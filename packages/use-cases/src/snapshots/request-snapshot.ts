import { recordAudit } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import type { TenantScope } from "../tenant-scope.ts";

export type SnapshotCause = "configuration" | "manual" | "merge";
export interface RequestSnapshotDeps {
  db: TenantScope;
  jobs: JobProducer;
}

/**
 * Asks the worker to re-decide the persons. Requests made while one is still queued join it:
 * ten mapping edits in a minute cause one snapshot, not ten.
 */
export async function requestSnapshot(deps: RequestSnapshotDeps, input: { cause: SnapshotCause }) {
  const { db, jobs } = deps;
  const tenantId = db.tenantId;
  const snapshot = await db.run(async (tx) => {
    // A snapshot still waiting serves this request too; a configuration change also re-maps, so
    // a waiting snapshot of another cause is upgraded to one.
    const queued = await tx.snapshot.findFirst({ where: { tenantId, status: "queued", cause: { not: "import" } }, orderBy: { startedAt: "desc" } });
    if (queued && (queued.cause === input.cause || input.cause !== "configuration")) return queued;
    if (queued) return tx.snapshot.update({ where: { id: queued.id }, data: { cause: "configuration" } });
    const created = await tx.snapshot.create({ data: { tenantId, cause: input.cause, status: "queued" } });
    await recordAudit(tx, { action: "snapshot.request", targetType: "snapshot", targetId: created.id, after: { cause: input.cause } });
    return created;
  });
  await jobs.enqueue("snapshot.run", { tenantId, snapshotId: snapshot.id }, { jobId: `snapshot-${snapshot.id}` });
  return snapshot;
}
