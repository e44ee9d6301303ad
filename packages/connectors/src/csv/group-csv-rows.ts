import { ConnectorError } from "../connector-error.ts";
import type { RawPerson, RawRecord } from "../types.ts";
import type { WarningList } from "../warning-list.ts";

/** The list the connector adds to every person; a source column may not carry this name. */
export const CONTRACTS_FIELD = "Contracts";

interface PersonEntry {
  person: RawPerson & { Contracts: RawRecord[] };
  line: number;
}

/**
 * Groups rows into persons by personKey. A person's first row gives the person columns; later
 * rows that disagree produce a warning (the HR export is inconsistent, but one stale row should
 * not stop an import). In the single layout, a row's contract columns become a contract when any
 * of them has a value.
 */
export class CsvPersonGrouper {
  private readonly entries = new Map<string, PersonEntry>();
  private personColumns: string[] | undefined;

  constructor(
    private readonly fileName: string,
    private readonly personKey: string,
    private readonly contractColumns: readonly string[],
    private readonly warnings: WarningList,
  ) {}

  addRow(record: Record<string, string>, line: number): void {
    const key = record[this.personKey] ?? "";
    if (key === "") {
      throw new ConnectorError(
        "missing_key",
        `line ${line} of ${this.fileName} has no value in '${this.personKey}' (the personKey setting): every row must name its person`,
        { file: this.fileName, line },
      );
    }
    this.personColumns ??= Object.keys(record).filter((column) => !this.contractColumns.includes(column));
    const personColumns = this.personColumns;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      const person = Object.fromEntries([...personColumns.map((column) => [column, record[column]]), [CONTRACTS_FIELD, []]]);
      entry = { person: person as PersonEntry["person"], line };
      this.entries.set(key, entry);
    } else {
      this.warnAboutDifferences(entry, record, personColumns, key, line);
    }
    if (this.contractColumns.some((column) => (record[column] ?? "") !== "")) {
      entry.person.Contracts.push(Object.fromEntries(this.contractColumns.map((column) => [column, record[column]])));
    }
  }

  findPerson(key: string): PersonEntry["person"] | undefined {
    return this.entries.get(key)?.person;
  }

  persons(): RawPerson[] {
    return [...this.entries.values()].map((entry) => entry.person);
  }

  private warnAboutDifferences(entry: PersonEntry, record: Record<string, string>, columns: string[], key: string, line: number): void {
    const differing = columns.filter((column) => entry.person[column] !== record[column]);
    if (differing.length === 0) return;
    const shown = differing
      .slice(0, 3)
      .map((column) => `${column} ('${record[column]}' instead of '${String(entry.person[column])}')`)
      .join(", ");
    const more = differing.length > 3 ? ` and ${differing.length - 3} more columns` : "";
    this.warnings.add({
      code: "person_values_differ",
      message:
        `line ${line} of ${this.fileName}: person '${key}' has other values than on line ${entry.line} in ${shown}${more}; ` +
        `kept the values of line ${entry.line}`,
      file: this.fileName,
      line,
    });
  }
}

/** Departments are kept row for row; a key that is empty stops the read, a repeated key warns. */
export class CsvDepartmentCollector {
  readonly departments: RawRecord[] = [];
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly fileName: string,
    private readonly departmentKey: string,
    private readonly warnings: WarningList,
  ) {}

  addRow(record: Record<string, string>, line: number): void {
    const key = record[this.departmentKey] ?? "";
    if (key === "") {
      throw new ConnectorError(
        "missing_key",
        `line ${line} of ${this.fileName} has no value in '${this.departmentKey}' (the departmentKey setting): every department needs one`,
        { file: this.fileName, line },
      );
    }
    const firstLine = this.seen.get(key);
    if (firstLine !== undefined) {
      this.warnings.add({
        code: "duplicate_department",
        message: `line ${line} of ${this.fileName}: department '${key}' also appears on line ${firstLine}; both rows are kept`,
        file: this.fileName,
        line,
      });
    } else {
      this.seen.set(key, line);
    }
    this.departments.push(record);
  }
}
