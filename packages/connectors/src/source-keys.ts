import { getPath } from "@idlife/core";

/**
 * Where a record's key is: the path the mapping copies ExternalId from when it is a plain field
 * copy (so raw records and persons share keys), else the connector's own key column, else
 * "ExternalId". Imports and pushes use the same paths, so a pushed record replaces the record
 * an import delivered under the same key.
 */
export function sourceKeyPaths(settings: unknown, mapping: unknown): { person: string; department: string } {
  const rules = (mapping ?? {}) as { person?: Record<string, { type: string; path?: string }>; department?: Record<string, { type: string; path?: string }> };
  const keys = (settings ?? {}) as { persons?: { personKey?: string }; departments?: { departmentKey?: string } };
  const personRule = rules.person?.ExternalId;
  const departmentRule = rules.department?.ExternalId;
  return {
    person: personRule?.type === "field" && personRule.path ? personRule.path : (keys.persons?.personKey ?? "ExternalId"),
    department: departmentRule?.type === "field" && departmentRule.path ? departmentRule.path : (keys.departments?.departmentKey ?? "ExternalId"),
  };
}

/** The key of a record at a key path, as text; undefined when the record has none. */
export function sourceKeyOf(record: Record<string, unknown>, path: string): string | undefined {
  const value = getPath(record, path);
  if (value === undefined || value === null || value === "") return undefined;
  return typeof value === "object" ? undefined : String(value);
}
