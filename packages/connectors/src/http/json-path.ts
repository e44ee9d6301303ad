export type PathLookup =
  | { found: true; value: unknown }
  | { found: false; missing: string; parentPath: string; parent: unknown };

/**
 * Reads a dot path ("data.items", "meta.next.cursor", "results.0") from parsed JSON.
 * "" means the value itself. A key that itself contains dots, such as OData's
 * "@odata.nextLink", is found when the rest of the path names it exactly.
 */
export function lookupPath(root: unknown, path: string): PathLookup {
  if (path === "") return { found: true, value: root };
  let current: unknown = root;
  const segments = path.split(".");
  const walked: string[] = [];
  for (let index = 0; index < segments.length; index += 1) {
    const rest = segments.slice(index).join(".");
    const literal = index < segments.length - 1 ? childOf(current, rest) : undefined;
    if (literal !== undefined) return { found: true, value: literal };
    const segment = segments[index]!;
    const next = childOf(current, segment);
    if (next === undefined) return { found: false, missing: segment, parentPath: walked.join("."), parent: current };
    current = next;
    walked.push(segment);
  }
  return { found: true, value: current };
}

export function readPath(root: unknown, path: string): unknown {
  const lookup = lookupPath(root, path);
  return lookup.found ? lookup.value : undefined;
}

function childOf(value: unknown, segment: string): unknown {
  if (Array.isArray(value)) return /^\d+$/.test(segment) ? value[Number(segment)] : undefined;
  if (value !== null && typeof value === "object" && Object.hasOwn(value, segment)) {
    return (value as Record<string, unknown>)[segment];
  }
  return undefined;
}

/** "an object with the keys data, meta" / "an array of 3 items" / "a string": for messages. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length} items`;
  if (typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) return "an empty object";
    const shown = keys.slice(0, 20).join(", ");
    return `an object with the keys ${shown}${keys.length > 20 ? `, … (${keys.length - 20} more)` : ""}`;
  }
  return `a ${typeof value}`;
}

/** Join keys compare as text: one API sends 1001, the other "1001". */
export function keyText(value: unknown): string | undefined {
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  return undefined;
}
