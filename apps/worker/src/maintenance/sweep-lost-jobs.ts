import { tenantsInPages } from "../tenants-in-pages.ts";
import { withTenant, type Prisma, type TenantId, type TransactionClient } from "@idlife/db";
import type { JobProducer, QueueName } from "@idlife/jobs";

export interface SweepDependencies {
  prisma: Prisma;
  producer: JobProducer;
  now?: Date;
}

export interface SweepResult {
  failedImports: Array<{ tenantId: string; importId: string; error: string }>;
  failedSnapshots: Array<{ tenantId: string; snapshotId: string; error: string }>;
}

/**
 * A queued row is committed before its job is enqueued: during this time a row without a job is
 * normal. After it, the enqueue was lost.
 */
export const ENQUEUE_GRACE_MS = 2 * 60_000;

export const LOST_RUNNING_IMPORT = "The worker running this import stopped and the job was lost; start the import again.";
export const LOST_QUEUED_IMPORT = "No worker picked this import up and its job was lost; start the import again.";
const LOST_SNAPSHOT = "The worker running this snapshot stopped and its job was lost; request the snapshot again.";
const LOST_IMPORT_SNAPSHOT = "The import this snapshot belonged to stopped before the snapshot finished; the import's outcome says what to do.";

/** Job states after which nothing will run the job any more ("unknown": no such job). */
const GONE = new Set(["unknown", "completed", "failed"]);

/**
 * Repairs imports and snapshots left queued or running while nothing runs them any more: their
 * job is gone, completed or failed (a worker was killed, BullMQ gave up on a stalled job, Redis
 * lost it). They are failed with a reason, which also lets "Import now" start the source again.
 * Safe at any moment: each row is failed only if it is still queued or running.
 */
export async function sweepLostJobs(deps: SweepDependencies): Promise<SweepResult> {
  const now = deps.now ?? new Date();
  const result: SweepResult = { failedImports: [], failedSnapshots: [] };
  const gone = async (queue: QueueName, jobId: string) => GONE.has(await deps.producer.queue(queue).getJobState(jobId));
  const settled = (since: Date) => now.getTime() - since.getTime() > ENQUEUE_GRACE_MS;

  for await (const tenantId of tenantsInPages(deps.prisma)) {
    const imports = await withTenant(deps.prisma, tenantId, (tx) =>
      tx.import.findMany({ where: { tenantId, status: { in: ["queued", "running"] } }, select: { id: true, status: true, createdAt: true, approvedAt: true } }),
    );
    for (const row of imports) {
      // An approval enqueues the import again under its own job id.
      if (!(await gone("import", row.approvedAt ? `import-${row.id}-approved` : `import-${row.id}`))) continue;
      if (row.status === "queued" && !settled(row.approvedAt ?? row.createdAt)) continue;
      const error = row.status === "running" ? LOST_RUNNING_IMPORT : LOST_QUEUED_IMPORT;
      if (await failIfUnfinished(deps.prisma, tenantId, "import", row.id, error, now)) result.failedImports.push({ tenantId, importId: row.id, error });
    }

    const snapshots = await withTenant(deps.prisma, tenantId, (tx) =>
      tx.snapshot.findMany({ where: { tenantId, status: { in: ["queued", "running"] } }, select: { id: true, status: true, importId: true, startedAt: true } }),
    );
    for (const row of snapshots) {
      let error: string;
      if (row.importId) {
        // An import's snapshot runs inside the import's job: it is lost when that import is no longer running.
        const owner = await withTenant(deps.prisma, tenantId, (tx) => tx.import.findFirst({ where: { tenantId, id: row.importId! }, select: { status: true } }));
        if (owner && (owner.status === "queued" || owner.status === "running")) continue;
        error = LOST_IMPORT_SNAPSHOT;
      } else {
        if (!(await gone("snapshot", `snapshot-${row.id}`))) continue;
        if (row.status === "queued" && !settled(row.startedAt)) continue;
        error = LOST_SNAPSHOT;
      }
      if (await failIfUnfinished(deps.prisma, tenantId, "snapshot", row.id, error, now)) result.failedSnapshots.push({ tenantId, snapshotId: row.id, error });
    }
  }
  return result;
}

/** Fails the row unless it finished meanwhile (its job may have completed a moment ago). */
async function failIfUnfinished(prisma: Prisma, tenantId: TenantId, kind: "import" | "snapshot", id: string, error: string, now: Date): Promise<boolean> {
  return withTenant(prisma, tenantId, async (tx: TransactionClient) => {
    const unfinished = { tenantId, id, status: { in: ["queued" as const, "running" as const] } };
    const { count } =
      kind === "import"
        ? await tx.import.updateMany({ where: unfinished, data: { status: "failed", error, finishedAt: now, progress: { phase: "failed" } } })
        : await tx.snapshot.updateMany({ where: unfinished, data: { status: "failed", error, finishedAt: now } });
    return count > 0;
  });
}

