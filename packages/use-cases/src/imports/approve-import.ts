import { z } from "zod";
import { recordAudit } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import { parseInput, type TenantScope } from "../tenant-scope.ts";
import { conflict, notFound } from "../use-case-error.ts";
import { enqueueImport, lockSourceForImport } from "./import-lock.ts";

export const approveImportInput = z.strictObject({ importId: z.uuid(), approvedBy: z.string().min(1).max(1000) });

/** Applies a blocked import once, despite its safety thresholds: it runs again on the worker. */
export async function approveImport(deps: { db: TenantScope; jobs: JobProducer }, input: z.input<typeof approveImportInput>) {
  const { importId, approvedBy } = parseInput(approveImportInput, input);
  const { tenantId } = deps.db;
  const row = await deps.db.run(async (tx) => {
    const found = await tx.import.findFirst({ where: { id: importId, tenantId } });
    if (!found) throw notFound("Import");
    if (found.status !== "blocked") throw conflict("not_blocked", `Only a blocked import can be approved; this one is ${found.status}.`);
    const busy = await lockSourceForImport(tx, tenantId, found.sourceSystemId);
    if (busy) throw conflict("import_running", `An import of this source system is already ${busy.status} (${busy.id}); wait for it to finish.`);
    const updated = await tx.import.update({ where: { id: found.id }, data: { status: "queued", approvedAt: new Date(), approvedBy } });
    await recordAudit(tx, { tenantId, action: "import.approve", targetType: "import", targetId: found.id, before: { status: "blocked" }, after: { status: "queued", thresholdReport: found.thresholdReport } });
    return updated;
  });
  // Its own job id: the blocked run's job may still be kept by the queue.
  await enqueueImport(deps.jobs, tenantId, row.id, { approved: true });
  return row;
}
