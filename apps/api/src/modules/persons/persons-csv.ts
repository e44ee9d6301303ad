import { csvLine, type CsvSeparator } from "../../common/csv/csv-format.ts";

/** A person as the CSV export sees it: the summary fields and the person model without Contracts. */
export interface CsvPerson {
  id: string;
  externalId: string;
  displayName: string;
  status: string;
  excluded: boolean;
  data: Record<string, unknown>;
}

/**
 * One row per person, nested fields as dotted columns (Contact.Business.Email). A Map, because the
 * field names come from source data (a field named __proto__ must stay a field).
 */
export function personCsvRecord(person: CsvPerson): Map<string, unknown> {
  const record = new Map<string, unknown>([
    ["Id", person.id],
    ["ExternalId", person.externalId],
    ["DisplayName", person.displayName],
    ["Status", person.status],
    ["Excluded", String(person.excluded)],
  ]);
  const { Contracts: _contracts, ...fields } = person.data;
  flattenInto(record, fields, "");
  return record;
}

/**
 * The columns of an export, in the order they are first seen. Filled batch by batch before any
 * row is written, because the header comes first and persons can have different fields.
 */
export class CsvColumns {
  private readonly seen = new Set<string>(["Id", "ExternalId", "DisplayName", "Status", "Excluded"]);

  add(record: Map<string, unknown>): void {
    for (const column of record.keys()) this.seen.add(column);
  }

  get list(): string[] {
    return [...this.seen];
  }
}

export const csvRow = (record: Map<string, unknown>, columns: string[], separator: CsvSeparator) =>
  csvLine(columns.map((column) => record.get(column)), separator);

function flattenInto(out: Map<string, unknown>, value: Record<string, unknown>, prefix: string): void {
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (inner && typeof inner === "object" && !Array.isArray(inner)) flattenInto(out, inner as Record<string, unknown>, path);
    else if (!Array.isArray(inner)) out.set(path, inner);
  }
}
