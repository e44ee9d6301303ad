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

export const causeLabels: Record<PersonHistoryEntry["cause"], string> = {
  import: "Import",
  configuration: "Configuration",
  merge: "Merge",
  manual: "Manual",
};
