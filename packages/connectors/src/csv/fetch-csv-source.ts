import { ConnectorError, abortedError } from "../connector-error.ts";
import { parseSettings } from "../settings-validation.ts";
import type { ConnectorPhase, RawRecord, SourceFetchContext, SourceFetchResult } from "../types.ts";
import { WarningList } from "../warning-list.ts";
import { type CsvSettings, type CsvSettingsInput, csvSettingsSchema } from "./csv-settings.ts";
import { fetchCsvFromUrl } from "./fetch-csv-from-url.ts";
import { CONTRACTS_FIELD, CsvDepartmentCollector, CsvPersonGrouper } from "./group-csv-rows.ts";
import { type CsvFileInput, type CsvFormat, readCsvFile } from "./read-csv-file.ts";

export type CsvFileRole = "persons" | "contracts" | "departments";

export interface CsvFetchContext extends SourceFetchContext {
  /** Uploaded files by role. A role without an upload is downloaded from its configured url. */
  files?: Partial<Record<CsvFileRole, CsvFileInput>>;
  /**
   * Keeps only the persons (and their contracts) whose key it accepts; a mapping preview reads
   * a few persons of a large file without holding the rest.
   */
  personFilter?: (personKey: string) => boolean;
}

const PROGRESS_EVERY = 1_000;

/**
 * Reads a CSV source into raw persons (each with Contracts) and departments. All files are
 * obtained first, then read; any problem throws a ConnectorError and nothing is returned.
 */
export async function fetchCsvSource(settings: CsvSettingsInput, context: CsvFetchContext = {}): Promise<SourceFetchResult> {
  const parsed = parseSettings(csvSettingsSchema, settings, "CSV");
  if (context.signal?.aborted) throw abortedError(context.signal);
  const files = await obtainFiles(parsed, context);
  const warnings = new WarningList();
  const signal = context.signal;
  const counter = (phase: ConnectorPhase) => {
    let records = 0;
    return {
      count: () => {
        records += 1;
        if (records % PROGRESS_EVERY === 0) context.onProgress?.({ phase, records });
      },
      finish: () => context.onProgress?.({ phase, records }),
    };
  };

  const personsFile = parsed.persons;
  const contractColumns = parsed.layout === "single" ? parsed.persons.contractColumns : [];
  const grouper = new CsvPersonGrouper(files.persons.fileName, personsFile.personKey, contractColumns, warnings);
  const personProgress = counter("persons");
  await readCsvFile(files.persons, personsFile, {
    keyColumns: [
      { column: personsFile.personKey, setting: "personKey" },
      ...contractColumns.map((column) => ({ column, setting: "contractColumns" })),
    ],
    reservedColumns: [CONTRACTS_FIELD],
    onRow: (record, line) => {
      if (context.personFilter && !context.personFilter(record[personsFile.personKey] ?? "")) return;
      grouper.addRow(record, line);
      personProgress.count();
    },
    signal,
  });
  personProgress.finish();

  if (parsed.layout === "two-files" && files.contracts !== undefined) {
    const contractsFile = files.contracts;
    const { joinKey } = parsed.contracts;
    const contractProgress = counter("contracts");
    await readCsvFile(contractsFile, parsed.contracts, {
      keyColumns: [{ column: joinKey, setting: "joinKey" }],
      onRow: (record, line) => {
        contractProgress.count();
        const key = record[joinKey] ?? "";
        if (context.personFilter && !context.personFilter(key)) return;
        const person = key === "" ? undefined : grouper.findPerson(key);
        if (person !== undefined) {
          person.Contracts.push(record);
          return;
        }
        warnings.add({
          code: "contract_without_person",
          message:
            key === ""
              ? `line ${line} of ${contractsFile.fileName} has no value in '${joinKey}' (the joinKey setting); the contract is left out`
              : `line ${line} of ${contractsFile.fileName}: no person with ${personsFile.personKey} '${key}' in ${files.persons.fileName} ` +
                `(joined on '${joinKey}'); the contract is left out`,
          file: contractsFile.fileName,
          line,
        });
      },
      signal,
    });
    contractProgress.finish();
  }

  let departments: RawRecord[] = [];
  if (parsed.departments !== undefined && files.departments !== undefined) {
    const collector = new CsvDepartmentCollector(files.departments.fileName, parsed.departments.departmentKey, warnings);
    const departmentProgress = counter("departments");
    await readCsvFile(files.departments, parsed.departments, {
      keyColumns: [{ column: parsed.departments.departmentKey, setting: "departmentKey" }],
      onRow: (record, line) => {
        collector.addRow(record, line);
        departmentProgress.count();
      },
      signal,
    });
    departmentProgress.finish();
    departments = collector.departments;
  }

  return { data: { persons: grouper.persons(), departments }, warnings: warnings.toArray() };
}

type ObtainedFiles = { persons: CsvFileInput; contracts?: CsvFileInput; departments?: CsvFileInput };

async function obtainFiles(settings: CsvSettings, context: CsvFetchContext): Promise<ObtainedFiles> {
  const configured: Partial<Record<CsvFileRole, CsvFormat & { url?: string | undefined }>> = {
    persons: settings.persons,
    ...(settings.layout === "two-files" ? { contracts: settings.contracts } : {}),
    ...(settings.departments !== undefined ? { departments: settings.departments } : {}),
  };
  for (const role of Object.keys(context.files ?? {}) as CsvFileRole[]) {
    if (context.files?.[role] !== undefined && configured[role] === undefined) {
      throw new ConnectorError(
        "invalid_settings",
        role === "contracts"
          ? `a contracts file was given, but the layout is 'single' (one file with persons and contracts): choose the 'two-files' layout or leave the file out`
          : `a ${role} file was given, but this source has no ${role} file configured: configure it or leave the file out`,
      );
    }
  }
  const obtained: Partial<Record<CsvFileRole, CsvFileInput>> = {};
  for (const [role, file] of Object.entries(configured) as Array<[CsvFileRole, CsvFormat & { url?: string | undefined }]>) {
    const upload = context.files?.[role];
    if (upload !== undefined) {
      obtained[role] = upload;
    } else if (file.url !== undefined) {
      obtained[role] = await fetchCsvFromUrl(file.url, {
        auth: settings.download.auth,
        headers: settings.download.headers,
        timeoutMs: settings.download.timeoutMs,
        maxBytes: file.maxBytes,
        ...(context.signal ? { signal: context.signal } : {}),
        ...(context.fetch ? { fetch: context.fetch } : {}),
      });
    } else {
      throw new ConnectorError("missing_input", `no ${role} file was uploaded and no URL is configured for it: upload the file or set its url`);
    }
  }
  return obtained as ObtainedFiles;
}
