/**
 * The CSV settings form edits the settings object the API stores; the "advanced (JSON)" view
 * edits the same object. These two functions translate between them, keeping every setting the
 * form does not show (quote, requiredColumns, a download URL, ...) as it is.
 */

export type CsvLayout = "single" | "two-files";

export interface CsvFormValues {
  layout: CsvLayout;
  delimiter: string;
  encoding: string;
  personKey: string;
  /** Single layout: the columns that describe a contract, comma separated as typed. */
  contractColumns: string;
  /** Two files: the contracts file's column that holds the person key. */
  joinKey: string;
  /** A departments file (the tree with parents and managers) is part of the source. */
  departments: boolean;
  /** The departments file's column that identifies a department. */
  departmentKey: string;
}

type Settings = Record<string, unknown>;

function isObject(value: unknown): value is Settings {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown, fallback = ""): string {
  return typeof value === "string" ? value : fallback;
}

export function readCsvForm(settings: Settings): CsvFormValues {
  const persons = isObject(settings.persons) ? settings.persons : {};
  const contracts = isObject(settings.contracts) ? settings.contracts : {};
  const departments = isObject(settings.departments) ? settings.departments : undefined;
  return {
    layout: settings.layout === "two-files" ? "two-files" : "single",
    delimiter: text(persons.delimiter, "auto"),
    encoding: text(persons.encoding, "utf-8"),
    personKey: text(persons.personKey),
    contractColumns: Array.isArray(persons.contractColumns) ? persons.contractColumns.join(", ") : "",
    joinKey: text(contracts.joinKey),
    departments: departments !== undefined,
    departmentKey: text(departments?.departmentKey),
  };
}

export function splitColumns(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((column) => column.trim())
    .filter(Boolean);
}

/**
 * Applies the form to the settings. Delimiter and encoding are set on every file of the source:
 * one export's files are written the same way (a file that differs is set in the JSON).
 */
export function writeCsvForm(settings: Settings, values: CsvFormValues): Settings {
  const next: Settings = structuredClone(settings);
  const persons: Settings = isObject(next.persons) ? next.persons : {};
  next.layout = values.layout;
  persons.delimiter = values.delimiter;
  persons.encoding = values.encoding;
  persons.personKey = values.personKey.trim();
  if (values.layout === "single") {
    persons.contractColumns = splitColumns(values.contractColumns);
    delete next.contracts;
  } else {
    delete persons.contractColumns;
    const contracts: Settings = isObject(next.contracts) ? next.contracts : {};
    contracts.delimiter = values.delimiter;
    contracts.encoding = values.encoding;
    contracts.joinKey = values.joinKey.trim();
    next.contracts = contracts;
  }
  next.persons = persons;
  if (values.departments) {
    const departments: Settings = isObject(next.departments) ? next.departments : {};
    next.departments = { ...departments, delimiter: values.delimiter, encoding: values.encoding, departmentKey: values.departmentKey.trim() };
  } else {
    delete next.departments;
  }
  return next;
}

/** The files a CSV source takes, in upload order. */
export function csvUploadRoles(settings: Settings): Array<"persons" | "contracts" | "departments"> {
  const roles: Array<"persons" | "contracts" | "departments"> = ["persons"];
  if (settings.layout === "two-files") roles.push("contracts");
  if (isObject(settings.departments)) roles.push("departments");
  return roles;
}
