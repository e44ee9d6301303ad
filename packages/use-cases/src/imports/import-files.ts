import type { TenantId, TransactionClient } from "@idlife/db";

type CsvFileRole = "persons" | "contracts" | "departments";
interface CsvFileLocations {
  layout?: string;
  persons?: { url?: string };
  contracts?: { url?: string };
  departments?: { url?: string };
}

/** The CSV files of a source: persons always, contracts and departments when its settings have them. */
function csvFileRoles(settings: unknown): { roles: CsvFileRole[]; toUpload: CsvFileRole[] } {
  const csv = (settings ?? {}) as CsvFileLocations;
  const roles: CsvFileRole[] = ["persons", ...(csv.layout === "two-files" ? (["contracts"] as const) : []), ...(csv.departments ? (["departments"] as const) : [])];
  // Files with a URL in the settings are downloaded by the import; the others need an upload.
  return { roles, toUpload: roles.filter((role) => !csv[role]?.url) };
}

/** The latest upload of each file to upload (made by `uploadedBy` when given), and the roles with none. */
async function latestUploads(tx: TransactionClient, tenantId: TenantId, sourceSystemId: string, roles: CsvFileRole[], uploadedBy?: Date) {
  const uploadIds: string[] = [];
  const missing: CsvFileRole[] = [];
  for (const role of roles) {
    const upload = await tx.sourceUpload.findFirst({
      where: { tenantId, sourceSystemId, role, ...(uploadedBy ? { createdAt: { lte: uploadedBy } } : {}) },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (upload) uploadIds.push(upload.id);
    else missing.push(role);
  }
  return { uploadIds, missing };
}

/**
 * The uploads an import started by hand uses: those the caller names, else the latest of each
 * file to upload. Answers with the first file still missing when there are too few.
 */
export async function manualCsvUploads(
  tx: TransactionClient,
  input: { tenantId: TenantId; sourceSystemId: string; settings: unknown; uploadIds?: string[] },
): Promise<{ uploadIds: string[] } | { missingRole: string }> {
  const { tenantId, sourceSystemId } = input;
  const { toUpload } = csvFileRoles(input.settings);
  const uploadIds = input.uploadIds ?? (await latestUploads(tx, tenantId, sourceSystemId, toUpload)).uploadIds;
  const found = await tx.sourceUpload.count({ where: { tenantId, sourceSystemId, id: { in: uploadIds } } });
  if (found !== uploadIds.length || uploadIds.length < toUpload.length) return { missingRole: toUpload[0] ?? "persons" };
  return { uploadIds };
}

/**
 * The uploads a scheduled CSV import uses: each file to upload needs an upload made by the
 * occurrence's time. A source that downloads nothing runs only when at least one of those uploads
 * is new (not imported before), so a schedule does not re-import the same files over and over.
 */
export async function scheduledCsvUploads(
  tx: TransactionClient,
  input: { tenantId: TenantId; sourceSystemId: string; settings: unknown; uploadedBy: Date },
): Promise<{ uploadIds: string[] } | { reason: string }> {
  const { tenantId, sourceSystemId } = input;
  const { roles, toUpload } = csvFileRoles(input.settings);
  const { uploadIds, missing } = await latestUploads(tx, tenantId, sourceSystemId, toUpload, input.uploadedBy);
  if (missing[0]) {
    const role = missing[0];
    return { reason: `no ${role} file has been uploaded and the CSV settings have no URL for it (${role}.url): set the URL so scheduled imports can download the file, or upload it` };
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
