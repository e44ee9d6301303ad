import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit, type Import, type TransactionClient } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import { parseInput, type TenantScope } from "../tenant-scope.ts";
import { badRequest, conflict, notFound } from "../use-case-error.ts";
import { manualCsvUploads, scheduledCsvUploads } from "./import-files.ts";
import { enqueueImport, lockSourceForImport } from "./import-lock.ts";
import { scheduledImportId } from "./scheduled-import-id.ts";

export const startImportInput = z.discriminatedUnion("trigger", [
  // "Import now": refusals are errors the person who clicked can act on.
  z.strictObject({ trigger: z.literal("manual"), sourceSystemId: z.uuid(), requestedBy: z.string().min(1).max(1000), uploadIds: z.array(z.uuid()).max(10).optional() }),
  // A schedule tick: refusals are reasons reported for the tick, never errors.
  z.strictObject({
    trigger: z.literal("schedule"),
    sourceSystemId: z.uuid(),
    /** The cron occurrence being run (without jitter): with the source, it names the import. */
    occurrence: z.date(),
    /** The occurrence with the source's jitter: files uploaded up to then belong to this run. */
    due: z.date(),
    now: z.date(),
  }),
]);
export type StartImportInput = z.input<typeof startImportInput>;

export type StartImportOutcome =
  | { status: "started"; importId: string; import: Import }
  /** Another tick started this occurrence first. */
  | { status: "already-started"; importId: string }
  | { status: "skipped"; reason: string };

export interface StartImportDeps {
  db: TenantScope;
  jobs: JobProducer;
}

/**
 * Creates and enqueues an import of a source, by hand ("Import now") or for a scheduled
 * occurrence: refused while another import of the source is queued or running, and for a CSV
 * source only when its files can be obtained (URLs from the settings, else uploads). A manual
 * start either starts or throws a UseCaseError; a scheduled one never throws for a refusal.
 */
export async function startImport(deps: StartImportDeps, input: Extract<StartImportInput, { trigger: "manual" }>): Promise<Extract<StartImportOutcome, { status: "started" }>>;
export async function startImport(deps: StartImportDeps, input: StartImportInput): Promise<StartImportOutcome>;
export async function startImport(deps: StartImportDeps, rawInput: StartImportInput): Promise<StartImportOutcome> {
  const input = parseInput(startImportInput, rawInput);
  const { tenantId } = deps.db;
  const scheduled = input.trigger === "schedule";
  // A scheduled occurrence has one id on every worker, so a second start of it collides with the first.
  const importId = scheduled ? scheduledImportId(input.sourceSystemId, input.occurrence) : randomUUID();
  const outcome = await deps.db.run(async (tx): Promise<StartImportOutcome> => {
    const source = await tx.sourceSystem.findFirst({ where: { id: input.sourceSystemId, tenantId } });
    if (scheduled && (!source?.enabled || source.schedule === null)) return { status: "skipped", reason: "the source system was disabled, removed or unscheduled meanwhile" };
    if (!source) throw notFound("Source system");
    if (!source.enabled) throw conflict("source_disabled", "This source system is disabled; enable it first.");
    const busy = await lockSourceForImport(tx, tenantId, source.id);
    if (busy && !scheduled) throw conflict("import_running", `An import of this source system is already ${busy.status} (${busy.id}); wait for it to finish.`);
    if (busy) {
      if (busy.id === importId) return { status: "already-started", importId };
      return { status: "skipped", reason: `an import of this source system is already ${busy.status} (${busy.id}); the scheduled import starts when it has finished` };
    }
    let uploadIds: string[] = [];
    if (source.connectorType === "csv") {
      const files = scheduled
        ? await scheduledCsvUploads(tx, { tenantId, sourceSystemId: source.id, settings: source.settings, uploadedBy: input.due })
        : await manualCsvUploads(tx, { tenantId, sourceSystemId: source.id, settings: source.settings, uploadIds: input.uploadIds });
      if ("reason" in files) return { status: "skipped", reason: files.reason };
      if ("missingRole" in files) {
        throw badRequest("upload_required", `Upload the CSV file(s) first (PUT /source-systems/{id}/uploads/${files.missingRole}), or set their URL in the CSV settings.`);
      }
      uploadIds = files.uploadIds;
    }
    const created = await createImport(tx, scheduled
      ? { id: importId, tenantId, sourceSystemId: source.id, trigger: "schedule", requestedBy: "schedule", uploadIds, createdAt: input.now }
      : { id: importId, tenantId, sourceSystemId: source.id, trigger: "manual", requestedBy: input.requestedBy, uploadIds });
    if (!created) return { status: "already-started", importId };
    const after = scheduled ? { sourceSystem: source.name, trigger: "schedule", occurrence: input.occurrence.toISOString(), uploadIds } : { sourceSystem: source.name, uploadIds };
    await recordAudit(tx, { tenantId, action: "import.start", targetType: "import", targetId: importId, after });
    return { status: "started", importId, import: created };
  });
  if (outcome.status === "started") await enqueueImport(deps.jobs, tenantId, importId);
  return outcome;
}

/** ON CONFLICT DO NOTHING on the import's id: a second tick for an occurrence adds nothing (null). */
async function createImport(tx: TransactionClient, data: { id: string; tenantId: string; sourceSystemId: string; trigger: string; requestedBy: string; uploadIds: string[]; createdAt?: Date }) {
  const { count } = await tx.import.createMany({ data: [data], skipDuplicates: true });
  return count === 0 ? null : tx.import.findUniqueOrThrow({ where: { id: data.id } });
}
