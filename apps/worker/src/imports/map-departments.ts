import type { KeyedRecord } from "./fetch-source-data.ts";

interface DepartmentFields {
  ExternalId: string;
  DisplayName: string;
  ManagerExternalId: string | null;
  ParentExternalId: string | null;
}

const text = (value: unknown) => (value === undefined || value === null || value === "" ? null : String(value));

/**
 * Departments use the mapping's optional "department" tab of field copies
 * ({ "DisplayName": { "type": "field", "path": "Naam" } }); without one, the raw record's own
 * ExternalId/DisplayName/ManagerExternalId/ParentExternalId columns are used.
 */
export function mapDepartment(entry: KeyedRecord, mapping: unknown): DepartmentFields {
  const tab = ((mapping as { department?: Record<string, { type: string; path?: string; value?: unknown }> } | null)?.department ?? {});
  const read = (field: keyof DepartmentFields) => {
    const rule = tab[field];
    if (rule?.type === "field" && rule.path) return text(entry.record[rule.path]);
    if (rule?.type === "fixed") return text(rule.value);
    return text(entry.record[field]);
  };
  return {
    ExternalId: read("ExternalId") ?? entry.sourceKey,
    DisplayName: read("DisplayName") ?? entry.sourceKey,
    ManagerExternalId: read("ManagerExternalId"),
    ParentExternalId: read("ParentExternalId"),
  };
}
