import { rawRecordsAt, type TransactionClient } from "@idlife/db";
import { fetchCsvSource, isConnectorError, readCsvSourceFields, type CsvFileRole, type KeyedRecord } from "@idlife/connectors";
import type { SourceFields } from "@idlife/contracts";
import { badRequest } from "../../common/http/api-error.ts";
import { collectSourcePaths, SOURCE_PATH_SAMPLE } from "./source-paths.ts";

interface Source {
  id: string;
  tenantId: string;
  connectorType: string;
  settings: unknown;
}

type Settings = Record<string, unknown>;
const isObject = (value: unknown): value is Settings => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The settings for reading uploaded files in the API: without download settings and URLs, so
 * nothing is fetched from elsewhere (and no secret is needed), and without the files not asked for.
 */
function settingsForUploads(settings: unknown, withDepartments: boolean): Settings {
  const copy: Settings = isObject(settings) ? structuredClone(settings) : {};
  delete copy.download;
  for (const role of ["persons", "contracts", "departments"]) if (isObject(copy[role])) delete copy[role].url;
  if (!withDepartments) delete copy.departments;
  return copy;
}

async function latestUpload(tx: TransactionClient, source: Source, role: CsvFileRole) {
  return tx.sourceUpload.findFirst({ where: { tenantId: source.tenantId, sourceSystemId: source.id, role }, orderBy: { createdAt: "desc" } });
}

async function latestRawImport(tx: TransactionClient, source: Source) {
  return tx.import.findFirst({
    where: { tenantId: source.tenantId, sourceSystemId: source.id, status: { in: ["completed", "blocked"] }, rawSeq: { not: null } },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * Source field names for the mapping editor: a CSV source's latest upload header (read with the
 * file's settings), else the paths seen in a sample of the latest import's raw records.
 */
export async function readSourceFields(tx: TransactionClient, source: Source, role: CsvFileRole): Promise<SourceFields> {
  const none = { role, fileName: null, importId: null, fields: [], truncated: false, problem: null };
  if (source.connectorType === "csv") {
    const settings = isObject(source.settings) ? source.settings : {};
    const fileRole = role === "contracts" && settings.layout !== "two-files" ? "persons" : role;
    const upload = await latestUpload(tx, source, fileRole);
    if (upload) {
      const base = { ...none, origin: "upload" as const, fileName: upload.fileName };
      try {
        const fields = await readCsvSourceFields(settingsForUploads(source.settings, true) as never, role, { fileName: upload.fileName, content: upload.content });
        return { ...base, fields };
      } catch (error) {
        if (isConnectorError(error)) return { ...base, problem: error.message };
        throw error;
      }
    }
  }
  const latest = await latestRawImport(tx, source);
  if (!latest) return { ...none, origin: "none" };
  const rows = await tx.rawRecord.findMany({
    where: { ...rawRecordsAt(source.tenantId, source.id, latest.rawSeq!), kind: role === "departments" ? "department" : "person" },
    orderBy: { id: "asc" },
    take: SOURCE_PATH_SAMPLE,
    select: { data: true },
  });
  return { ...none, origin: "raw-data", importId: latest.id, ...collectSourcePaths(rows.map((row) => row.data), role) };
}

export interface LoadedUploads {
  settings: Settings;
  files: Partial<Record<CsvFileRole, { fileName: string; content: Uint8Array }>>;
}

/** The latest upload of each file a person preview needs (persons, and contracts in the two-files layout). */
export async function loadPreviewUploads(tx: TransactionClient, source: Source): Promise<LoadedUploads> {
  if (source.connectorType !== "csv") {
    throw badRequest("no_uploads", "Only CSV source systems take uploaded files; import once, then preview on the raw data of that import.");
  }
  const settings = settingsForUploads(source.settings, false);
  const roles: CsvFileRole[] = settings.layout === "two-files" ? ["persons", "contracts"] : ["persons"];
  const files: LoadedUploads["files"] = {};
  for (const role of roles) {
    const upload = await latestUpload(tx, source, role);
    if (!upload) throw badRequest("upload_required", `Upload the ${role} file first (Imports page, or PUT /source-systems/{id}/uploads/${role}); the preview reads the latest upload.`);
    files[role] = { fileName: upload.fileName, content: upload.content };
  }
  return { settings, files };
}

/**
 * Raw persons read from loaded uploads with the connector (outside any transaction: a large file
 * takes a while), nothing stored: the persons with these keys, or the first `limit` of the file.
 * Only those persons are held in memory.
 */
export async function readUploadedPersons(uploads: LoadedUploads, choice: { sourceKeys?: string[] | undefined; limit: number }): Promise<{ files: string[]; records: KeyedRecord[] }> {
  const personKey = String((uploads.settings.persons as Settings | undefined)?.personKey ?? "");
  const wanted = choice.sourceKeys ? new Set(choice.sourceKeys) : undefined;
  const first = new Set<string>();
  const personFilter = (key: string) => {
    if (key === "") return false;
    if (wanted) return wanted.has(key);
    if (first.has(key)) return true;
    if (first.size >= choice.limit) return false;
    first.add(key);
    return true;
  };
  try {
    const result = await fetchCsvSource(uploads.settings as never, { files: uploads.files, personFilter });
    const records = result.data.persons.map((person) => ({ sourceKey: String(person[personKey] ?? ""), record: person }));
    return { files: Object.values(uploads.files).map((file) => file.fileName), records };
  } catch (error) {
    if (isConnectorError(error)) throw badRequest("upload_unreadable", `The uploaded files could not be read: ${error.message}.`);
    throw error;
  }
}
