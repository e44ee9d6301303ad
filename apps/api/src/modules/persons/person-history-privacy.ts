import { HIDDEN } from "../source-systems/raw-data-privacy.ts";

const PERSONAL = ["Contact", "Personal"];
// History fields whose value is a whole person (a new person, an older whole-person entry).
const WHOLE_PERSON_FIELDS = new Set(["Person", "*"]);

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** True when a path lies inside Contact.Personal (the path of a value or of one that holds it). */
function isPersonal(path: readonly string[]): boolean {
  return path.length >= PERSONAL.length && PERSONAL.every((segment, index) => path[index] === segment);
}

function hide(value: unknown, path: readonly string[]): unknown {
  if (value === null || value === undefined) return value;
  if (!isPlainObject(value)) return isPersonal(path) ? HIDDEN : value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, hide(inner, [...path, key])]));
}

/**
 * A history entry's values as a caller without the `personal` permission may see them: a personal
 * contact field still shows that it changed, its values read [hidden] (also inside a whole person).
 */
export function visibleHistoryValues(field: string, values: { oldValue: unknown; newValue: unknown }) {
  const path = WHOLE_PERSON_FIELDS.has(field) ? [] : field.split(".");
  return { oldValue: hide(values.oldValue, path), newValue: hide(values.newValue, path) };
}
