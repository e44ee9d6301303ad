import { flattenPaths } from "../../lib/flatten.ts";

/** One field of an audit entry's before/after view. */
export interface AuditDiffRow {
  path: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Empty objects below the top are shown as {} (a field emptied is a change worth seeing); undefined is absent; a null top is nothing. */
const flatten = (value: unknown) =>
  flattenPaths(value, { isLeaf: (object, path) => path !== "" && Object.keys(object).length === 0, keep: (leaf, path) => leaf !== undefined && (path !== "" || leaf !== null) });

/** A value as one line: text as it is, anything else as compact JSON. */
export function auditValue(value: unknown): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * The before and after of an entry, field by field (nested fields as dotted paths), in the order
 * they first appear; `changed` marks the fields whose value differs.
 */
export function auditDiff(before: unknown, after: unknown): AuditDiffRow[] {
  const old = flatten(before);
  const next = flatten(after);
  return [...new Set([...old.keys(), ...next.keys()])].map((path) => {
    const beforeValue = old.get(path);
    const afterValue = next.get(path);
    return { path: path || "(value)", before: beforeValue, after: afterValue, changed: auditValue(beforeValue) !== auditValue(afterValue) || old.has(path) !== next.has(path) };
  });
}
