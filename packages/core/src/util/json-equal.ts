/**
 * Whether two JSON-like values are equal as JSON: key order does not matter, and a property
 * that is undefined counts as absent (JSON drops it; PostgreSQL's jsonb never has it). Cheaper
 * than comparing canonical text, which matters at 100,000 persons.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!jsonEqual(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let leftCount = 0;
  for (const key in left) {
    if (left[key] === undefined) continue;
    leftCount++;
    if (!jsonEqual(left[key], right[key])) return false;
  }
  let rightCount = 0;
  for (const key in right) if (right[key] !== undefined) rightCount++;
  return leftCount === rightCount;
}
