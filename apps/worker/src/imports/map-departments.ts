import { applyTransforms, type ValueTransform } from "@idlife/core";
import type { KeyedRecord } from "./fetch-source-data.ts";

interface DepartmentFields {
  ExternalId: string;
  DisplayName: string;
  ManagerExternalId: string | null;
  ParentExternalId: string | null;
}

const text = (value: unknown) => (value === undefined || value === null || value === "" ? null : String(value));

interface DepartmentRule {
  type: string;
  path?: string;
  value?: unknown;
  transforms?: ValueTransform[];
}

/**
 * A department rule's transforms (trim, case, lookup, template...) as on the person tabs. A value
 * a transform refuses keeps its delivered text: a department is never dropped for its display.
 */
function transformed(rule: DepartmentRule, value: unknown, entry: KeyedRecord): string | null {
  if (!rule.transforms?.length) return text(value);
  const result = applyTransforms(rule.transforms, value, [entry.record]);
  return text(result.ok ? result.value : value);
}

/**
 * Departments use the mapping's optional "department" tab of field copies
 * ({ "DisplayName": { "type": "field", "path": "Naam" } }); without one, the raw record's own
 * ExternalId/DisplayName/ManagerExternalId/ParentExternalId columns are used.
 */
export function mapDepartment(entry: KeyedRecord, mapping: unknown): DepartmentFields {
  const tab = (mapping as { department?: Record<string, DepartmentRule> } | null)?.department ?? {};
  const read = (field: keyof DepartmentFields) => {
    const rule = Object.hasOwn(tab, field) ? tab[field] : undefined;
    if (rule?.type === "field" && rule.path) return transformed(rule, Object.hasOwn(entry.record, rule.path) ? entry.record[rule.path] : undefined, entry);
    if (rule?.type === "fixed") return transformed(rule, rule.value, entry);
    return text(entry.record[field]);
  };
  return {
    ExternalId: read("ExternalId") ?? entry.sourceKey,
    DisplayName: read("DisplayName") ?? entry.sourceKey,
    ManagerExternalId: read("ManagerExternalId"),
    ParentExternalId: read("ParentExternalId"),
  };
}
