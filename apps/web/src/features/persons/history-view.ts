import { flattenPaths, isPlainObject } from "../../lib/flatten.ts";
import type { PersonHistoryEntry } from "./api/person-queries.ts";

export interface HistoryGroup {
  /** One snapshot's changes share a time and a cause. */
  key: string;
  at: string;
  cause: PersonHistoryEntry["cause"];
  importId: string | null;
  entries: PersonHistoryEntry[];
}

/** Groups history (newest first, as the API answers) into the moments something changed. */
export function groupHistory(entries: readonly PersonHistoryEntry[]): HistoryGroup[] {
  const groups: HistoryGroup[] = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1];
    if (last && last.at === entry.at && last.cause === entry.cause && last.importId === entry.importId) {
      last.entries.push(entry);
    } else {
      groups.push({ key: entry.id, at: entry.at, cause: entry.cause, importId: entry.importId, entries: [entry] });
    }
  }
  return groups;
}

/** "Contracts[C-1].Title.Name" reads "Contract C-1 · Title.Name". */
export function describeHistoryField(field: string): string {
  if (field === "*") return "Person";
  const match = /^Contracts\[(.+?)\](?:\.(.+))?$/.exec(field);
  if (!match) return field;
  return match[2] ? `Contract ${match[1]} · ${match[2]}` : `Contract ${match[1]}`;
}

/** A history value as one line: scalars as they are, a whole contract or object as compact JSON. */
export function historyValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** One line of the History tab: a field with its value before and after. */
export interface HistoryRow {
  key: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/** Empty values are not listed: a field that was empty and is now set reads as added. */
const flatten = (value: unknown) => flattenPaths(value, { keep: (leaf) => leaf !== null && leaf !== undefined && leaf !== "" });

/**
 * The lines an entry shows: a field's old and new value; a whole person or contract that was added
 * or removed (or changed as a whole) as one line per field it holds, each with its value, so
 * "Contract C-1 added" reads as its title, department and dates rather than "Added: 5 fields".
 */
export function historyRows(entry: PersonHistoryEntry): HistoryRow[] {
  const field = describeHistoryField(entry.field);
  if (!isPlainObject(entry.oldValue) && !isPlainObject(entry.newValue)) {
    return [{ key: entry.id, field, oldValue: entry.oldValue, newValue: entry.newValue }];
  }
  const before = flatten(entry.oldValue);
  const after = flatten(entry.newValue);
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  const rows = paths
    .filter((path) => historyValue(before.get(path)) !== historyValue(after.get(path)))
    .map((path) => ({ key: `${entry.id}:${path}`, field: path ? `${field} · ${path}` : field, oldValue: before.get(path) ?? null, newValue: after.get(path) ?? null }));
  return rows.length > 0 ? rows : [{ key: entry.id, field, oldValue: null, newValue: null }];
}

/** A value the API hides from roles without the `personal` permission. */
export const HIDDEN_VALUE = "[hidden]";

export const causeLabels: Record<PersonHistoryEntry["cause"], string> = {
  import: "Import",
  configuration: "Configuration",
  merge: "Merge",
  manual: "Manual",
};
