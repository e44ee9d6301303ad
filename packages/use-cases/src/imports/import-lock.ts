import type { TenantId, TransactionClient } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";

/**
 * One import of a source at a time. The source's row lock makes concurrent starts (two clicks,
 * a click and an approval, a click and a schedule tick) wait for each other, so the second sees
 * the first's import instead of both being accepted. Answers the import already queued or running.
 * Pushes (a few persons each, in seconds) neither wait for imports nor hold them up.
 */
export async function lockSourceForImport(tx: TransactionClient, tenantId: TenantId, sourceSystemId: string) {
  await tx.$queryRaw`SELECT id FROM source_systems WHERE tenant_id = ${tenantId}::uuid AND id = ${sourceSystemId}::uuid FOR UPDATE`;
  return tx.import.findFirst({ where: { tenantId, sourceSystemId, status: { in: ["queued", "running"] }, trigger: { not: "push" } }, select: { id: true, status: true } });
}

/**
 * Puts an import on the queue under its deterministic job id. Repeating it is harmless (BullMQ
 * ignores an id it holds), which is how an import whose enqueue was lost after its row was
 * committed gets picked up later.
 */
export async function enqueueImport(jobs: JobProducer, tenantId: TenantId, importId: string, options: { approved?: boolean } = {}): Promise<void> {
  await jobs.enqueue("import.run", { tenantId, importId }, { jobId: options.approved ? `import-${importId}-approved` : `import-${importId}` });
}
