/** One field of an audit entry's before/after view. */
export interface AuditDiffRow {
  path: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function flatten(value: unknown, prefix: string, into: Map<string, unknown>): void {
  if (!isPlainObject(value) || (prefix && Object.keys(value).length === 0)) {
    if (value !== undefined && (prefix || value !== null)) into.set(prefix, value);
    return;
  }
  for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
}

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
  const old = new Map<string, unknown>();
  const next = new Map<string, unknown>();
  flatten(before, "", old);
  flatten(after, "", next);
  return [...new Set([...old.keys(), ...next.keys()])].map((path) => {
    const beforeValue = old.get(path);
    const afterValue = next.get(path);
    return { path: path || "(value)", before: beforeValue, after: afterValue, changed: auditValue(beforeValue) !== auditValue(afterValue) || old.has(path) !== next.has(path) };
  });
}
