import { recordAudit, withTenant, type Prisma, type TenantId, type TransactionClient } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import { scheduledImportId } from "./scheduled-import-id.ts";

export type ScheduledStart =
  | { status: "started"; importId: string }
  /** Another tick started this occurrence first. */
  | { status: "already-started"; importId: string }
  | { status: "skipped"; reason: string };

export interface ScheduledStartInput {
  tenantId: TenantId;
  sourceSystemId: string;
  /** The cron occurrence being run (without jitter): with the source, it names the import. */
  occurrence: Date;
  /** The occurrence with the source's jitter: files uploaded up to then belong to this run. */
  due: Date;
  now: Date;
}

/**
 * Creates and enqueues the import of one scheduled occurrence, as a manual start would but with
 * trigger "schedule": refused while another import of the source is queued or running, and for a
 * CSV source only when its files can be obtained (URLs from the settings, else new uploads).
 */
export async function startScheduledImport(deps: { prisma: Prisma; producer: JobProducer }, input: ScheduledStartInput): Promise<ScheduledStart> {
  const { tenantId, sourceSystemId, occurrence, due, now } = input;
  const importId = scheduledImportId(sourceSystemId, occurrence);
  const outcome = await withTenant(deps.prisma, tenantId, async (tx): Promise<ScheduledStart> => {
    const source = await tx.sourceSystem.findFirst({ where: { id: sourceSystemId, tenantId } });
    if (!source?.enabled || source.schedule === null) return { status: "skipped", reason: "the source system was disabled, removed or unscheduled meanwhile" };
    // The source's row lock serialises this start with "Import now" and approvals (the API takes
    // it too): only one import of a source is ever queued or running.
    await tx.$queryRaw`SELECT id FROM source_systems WHERE tenant_id = ${tenantId}::uuid AND id = ${sourceSystemId}::uuid FOR UPDATE`;
    const busy = await tx.import.findFirst({ where: { tenantId, sourceSystemId, status: { in: ["queued", "running"] } }, select: { id: true, status: true } });
    if (busy) {
      if (busy.id === importId) return { status: "already-started", importId };
      return { status: "skipped", reason: `an import of this source system is already ${busy.status} (${busy.id}); the scheduled import starts when it has finished` };
    }
    let uploadIds: string[] = [];
    if (source.connectorType === "csv") {
      const files = await csvUploadsFor(tx, { tenantId, sourceSystemId, settings: source.settings, uploadedBy: due });
      if ("reason" in files) return { status: "skipped", reason: files.reason };
      uploadIds = files.uploadIds;
    }
    // ON CONFLICT DO NOTHING on the deterministic id: a second tick for the occurrence adds nothing.
    const { count } = await tx.import.createMany({
      data: [{ id: importId, tenantId, sourceSystemId, trigger: "schedule", requestedBy: "schedule", uploadIds, createdAt: now }],
      skipDuplicates: true,
    });
    if (count === 0) return { status: "already-started", importId };
    await recordAudit(tx, {
      tenantId,
      action: "import.start",
      targetType: "import",
      targetId: importId,
      after: { sourceSystem: source.name, trigger: "schedule", occurrence: occurrence.toISOString(), uploadIds },
    });
    return { status: "started", importId };
  });
  if (outcome.status === "started") await enqueueScheduledImport(deps.producer, tenantId, importId);
  return outcome;
}

/**
 * Puts a scheduled import on the queue under its deterministic job id. Repeating it is harmless
 * (BullMQ ignores an id it holds), which is how an import whose enqueue was lost after its row was
 * committed gets picked up by a later tick.
 */
export async function enqueueScheduledImport(producer: JobProducer, tenantId: TenantId, importId: string): Promise<void> {
  await producer.enqueue("import.run", { tenantId, importId }, { jobId: `import-${importId}` });
}

type CsvFileRole = "persons" | "contracts" | "departments";
interface CsvFileLocations {
  layout?: string;
  persons?: { url?: string };
  contracts?: { url?: string };
  departments?: { url?: string };
}

/**
 * The uploads a scheduled CSV import uses. Files with a URL in the settings are downloaded by the
 * import itself; each other file needs an upload made by the occurrence's time. A source that
 * downloads nothing runs only when at least one of those uploads is new (not imported before), so
 * a schedule does not re-import the same files over and over.
 */
async function csvUploadsFor(
  tx: TransactionClient,
  input: { tenantId: TenantId; sourceSystemId: string; settings: unknown; uploadedBy: Date },
): Promise<{ uploadIds: string[] } | { reason: string }> {
  const { tenantId, sourceSystemId } = input;
  const settings = (input.settings ?? {}) as CsvFileLocations;
  const roles: CsvFileRole[] = ["persons", ...(settings.layout === "two-files" ? (["contracts"] as const) : []), ...(settings.departments ? (["departments"] as const) : [])];
  const toUpload = roles.filter((role) => !settings[role]?.url);
  const uploadIds: string[] = [];
  for (const role of toUpload) {
    const upload = await tx.sourceUpload.findFirst({
      where: { tenantId, sourceSystemId, role, createdAt: { lte: input.uploadedBy } },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (!upload) {
      return { reason: `no ${role} file has been uploaded and the CSV settings have no URL for it (${role}.url): set the URL so scheduled imports can download the file, or upload it` };
    }
    uploadIds.push(upload.id);
  }
  if (toUpload.length === roles.length) {
    const imported = await tx.import.findMany({ where: { tenantId, sourceSystemId, uploadIds: { hasSome: uploadIds } }, select: { uploadIds: true } });
    const used = new Set(imported.flatMap((row) => row.uploadIds));
    if (uploadIds.every((id) => used.has(id))) {
      return { reason: "nothing new to import: every file of this source is uploaded and no new upload arrived since the last import; upload new files or set their URLs in the CSV settings" };
    }
  }
  return { uploadIds };
}
