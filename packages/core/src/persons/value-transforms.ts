import { parseDateValue } from "./date-transform.ts";
import { getPath, parsePath } from "./object-path.ts";
import { templatePlaceholders, type ValueTransform } from "./value-transforms-schema.ts";

export type TransformResult = { ok: true; value: unknown } | { ok: false; message: string };

type Lookup = ValueTransform & { type: "lookup" };

/* Tables are built once per parsed mapping, not once per person: an import maps every person with the same rules. */
const lookupTables = new WeakMap<Lookup, Map<string, string | null>>();

function tableOf(lookup: Lookup): Map<string, string | null> {
  let table = lookupTables.get(lookup);
  if (!table) {
    table = new Map(lookup.entries.map(([code, value]) => [normalisedCode(lookup, code), value]));
    lookupTables.set(lookup, table);
  }
  return table;
}

function normalisedCode(lookup: Lookup, code: string): string {
  return lookup.ignoreCase ? code.trim().toLowerCase() : code.trim();
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

function asText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean") return String(value);
  return undefined;
}

const titleCase = (text: string) => text.toLowerCase().replace(/(^|[\s\-'])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());

function decimalComma(value: unknown): TransformResult {
  if (typeof value === "number") return { ok: true, value };
  const text = asText(value)?.trim() ?? "";
  // "1.234,5": dots group thousands, the comma is the decimal mark.
  if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/.test(text)) {
    return { ok: false, message: `${JSON.stringify(value)} is not a number with a decimal comma (like 0,8 or 1.234,5)` };
  }
  return { ok: true, value: Number(text.replaceAll(".", "").replace(",", ".")) };
}

function lookUp(lookup: Lookup, value: unknown): TransformResult {
  const text = asText(value);
  const table = tableOf(lookup);
  if (text !== undefined) {
    const key = normalisedCode(lookup, text);
    if (table.has(key)) return { ok: true, value: table.get(key) };
  }
  if (lookup.unknown === "keep") return { ok: true, value };
  if (lookup.unknown === "default") return { ok: true, value: lookup.default ?? null };
  const codes = lookup.entries.slice(0, 10).map(([code]) => JSON.stringify(code)).join(", ");
  const more = lookup.entries.length > 10 ? ", ..." : "";
  return { ok: false, message: `${JSON.stringify(value)} is not in the lookup table (${codes}${more}); add it to the table or choose a default for unknown values` };
}

/** A placeholder is read from the first record that has it: the contract, then its person. */
function fieldOf(records: readonly unknown[], name: string): unknown {
  const segments = parsePath(name);
  for (const record of records) {
    const value = getPath(record, segments);
    if (value !== undefined) return value;
  }
  return undefined;
}

function fillTemplate(transform: ValueTransform & { type: "template" }, records: readonly unknown[]): TransformResult {
  const empty: string[] = [];
  const filled = transform.template.replace(/\{([^{}]*)\}/g, (_match, name: string) => {
    const text = asText(fieldOf(records, name))?.trim() ?? "";
    if (text === "") empty.push(name);
    return text;
  });
  if (empty.length > 0 && transform.missing === "block") {
    return { ok: false, message: `the template ${JSON.stringify(transform.template)} needs ${empty.map((name) => `{${name}}`).join(", ")}, which ${empty.length === 1 ? "is" : "are"} empty in this record` };
  }
  // Every placeholder empty means there is nothing to join: no value rather than "-".
  return { ok: true, value: empty.length === templatePlaceholders(transform.template).length ? null : filled };
}

function applyOne(transform: ValueTransform, value: unknown, records: readonly unknown[]): TransformResult {
  if (transform.type === "template") return fillTemplate(transform, records);
  // An empty value stays empty; whether that is allowed is the rule's "required".
  if (isEmpty(value)) return { ok: true, value: value === undefined ? null : value };
  switch (transform.type) {
    case "trim":
      return { ok: true, value: typeof value === "string" ? value.trim() : value };
    case "case": {
      const text = asText(value);
      if (text === undefined) return { ok: true, value };
      return { ok: true, value: transform.to === "upper" ? text.toUpperCase() : transform.to === "lower" ? text.toLowerCase() : titleCase(text) };
    }
    case "date":
      return parseDateValue(value, transform.format, transform.output);
    case "decimal-comma":
      return decimalComma(value);
    case "lookup":
      return lookUp(transform, value);
  }
}

/**
 * Runs a field rule's transforms in order on its value. `records` are the raw records templates
 * read from: the person, or on the Contract tab the contract and then its person (a payroll
 * contract row rarely repeats the person number a contract id is joined from).
 */
export function applyTransforms(transforms: readonly ValueTransform[] | undefined, value: unknown, records: readonly unknown[]): TransformResult {
  let current = value;
  for (const transform of transforms ?? []) {
    const result = applyOne(transform, current, records);
    if (!result.ok) return result;
    current = result.value;
  }
  return { ok: true, value: current };
}
