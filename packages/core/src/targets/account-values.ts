/** A value of an account attribute (the connector contract's AccountValue). */
export type AttributeValue = string | number | boolean | null | string[];

/**
 * Turns a mapped value into an attribute value: strings, numbers and booleans as they are,
 * arrays of scalars as arrays of text, undefined and empty text as null (not set). Objects are
 * refused with the attribute named, since no target stores them as one attribute.
 */
export function toAttributeValue(attribute: string, value: unknown): AttributeValue {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) {
    return value.filter((item) => item !== null && item !== undefined && item !== "").map((item) => {
      if (typeof item === "object") throw new Error(`${attribute}: a list may only hold text, numbers or true/false, not objects`);
      return String(item);
    });
  }
  throw new Error(`${attribute}: the mapped value is an object; map one of its fields (e.g. ${attribute}.Name) or use a complex mapping that returns text`);
}

/** Equality of attribute values as the target sees them: arrays as sets, numbers and their text alike. */
export function sameAttributeValue(left: unknown, right: unknown): boolean {
  const normal = (value: unknown) => (value === undefined || value === "" || (Array.isArray(value) && value.length === 0) ? null : value);
  const a = normal(left);
  const b = normal(right);
  if (a === null || b === null) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    const setA = new Set((Array.isArray(a) ? a : [a]).map(String));
    const setB = new Set((Array.isArray(b) ? b : [b]).map(String));
    return setA.size === setB.size && [...setA].every((item) => setB.has(item));
  }
  return String(a) === String(b);
}

/** Only the attributes whose desired value differs from the stored one: attribute -> { from, to }. */
export function accountChanges(desired: Readonly<Record<string, AttributeValue>>, stored: Readonly<Record<string, unknown>>): Map<string, { from: unknown; to: AttributeValue }> {
  const changes = new Map<string, { from: unknown; to: AttributeValue }>();
  for (const [attribute, to] of Object.entries(desired)) {
    const from = Object.hasOwn(stored, attribute) ? stored[attribute] : null;
    if (!sameAttributeValue(from, to)) changes.set(attribute, { from: from ?? null, to });
  }
  return changes;
}
