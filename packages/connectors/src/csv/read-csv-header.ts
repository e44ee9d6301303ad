import { ConnectorError } from "../connector-error.ts";
import { parseSettings } from "../settings-validation.ts";
import { type CsvSettingsInput, csvSettingsSchema } from "./csv-settings.ts";
import type { CsvFileRole } from "./fetch-csv-source.ts";
import { CONTRACTS_FIELD } from "./group-csv-rows.ts";
import { type CsvFileInput, readCsvFile } from "./read-csv-file.ts";

/** Thrown from the header callback to stop reading: only the first line is needed. */
const HEADER_READ = Symbol("header read");

/**
 * The fields a mapping can copy from a CSV source, read from the header of one uploaded file
 * with the file's own settings (encoding, delimiter detection, quotes): for "persons" the person
 * columns, for "contracts" the contract columns (the contracts file, or the contract columns of
 * the single layout), for "departments" the departments file's columns. Key columns need not be
 * in the file: an administrator looks at the columns exactly when a key column is wrong.
 */
export async function readCsvSourceFields(settings: CsvSettingsInput, role: CsvFileRole, file: CsvFileInput): Promise<string[]> {
  const parsed = parseSettings(csvSettingsSchema, settings, "CSV");
  const contractColumns = parsed.layout === "single" ? parsed.persons.contractColumns : [];
  const fileRole = role === "contracts" && parsed.layout === "single" ? "persons" : role;
  const format = fileRole === "persons" ? parsed.persons : fileRole === "contracts" && parsed.layout === "two-files" ? parsed.contracts : parsed.departments;
  if (format === undefined) {
    throw new ConnectorError("invalid_settings", `this source has no ${role} file configured: add it to the CSV settings first`);
  }
  let columns: string[] | undefined = format.hasHeader ? undefined : (format.columns ?? []);
  if (columns === undefined) {
    try {
      const read = await readCsvFile(file, { ...format, requiredColumns: [] }, {
        keyColumns: [],
        onHeader: (names) => {
          columns = names;
          throw HEADER_READ;
        },
        onRow: () => {},
      });
      columns = read.columns;
    } catch (error) {
      if (error !== HEADER_READ) throw error;
    }
  }
  const named = (columns ?? []).filter((column) => column !== CONTRACTS_FIELD);
  if (role === "persons") return named.filter((column) => !contractColumns.includes(column));
  if (role === "contracts" && parsed.layout === "single") return named.filter((column) => contractColumns.includes(column));
  return named;
}
