import type { FieldMapping, MappingDefinition } from "./mapping-schema.ts";
import { getPath, parsePath } from "./object-path.ts";
import { DAY_FIRST_FORMATS, MONTH_FIRST_FORMATS } from "./value-transforms-schema.ts";
import { applyTransforms } from "./value-transforms.ts";

/** Enough records to judge a column, few enough to check on every import. */
const SAMPLE = 1_000;
const DAY_AND_MONTH = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{4}(\s|T|$)/;

type Reading = "none" | "both" | "one";

function reading(value: unknown): { kind: Reading; swapped: boolean } {
  const match = typeof value === "string" ? DAY_AND_MONTH.exec(value) : null;
  if (!match) return { kind: "none", swapped: false };
  const first = Number(match[1]);
  const second = Number(match[2]);
  return { kind: first <= 12 && second <= 12 ? "both" : "one", swapped: first !== second };
}

/** The values the rule's date transform (or, without one, the target field) would see. */
function valuesBeforeDate(rule: FieldMapping & { type: "field" }, records: readonly unknown[]): unknown[] {
  const dateIndex = rule.transforms?.findIndex((transform) => transform.type === "date") ?? -1;
  const before = rule.transforms?.slice(0, dateIndex < 0 ? undefined : dateIndex) ?? [];
  const segments = parsePath(rule.path);
  return records.map((record) => {
    const result = applyTransforms(before, getPath(record, segments), [record]);
    return result.ok ? result.value : undefined;
  });
}

function warningFor(label: string, rule: FieldMapping & { type: "field" }, records: readonly unknown[]): string | undefined {
  const format = rule.transforms?.find((transform) => transform.type === "date")?.format;
  if (format !== undefined && !DAY_FIRST_FORMATS.includes(format) && !MONTH_FIRST_FORMATS.includes(format)) return undefined;
  const readings = valuesBeforeDate(rule, records).map((value) => ({ value, ...reading(value) })).filter((entry) => entry.kind !== "none");
  // One value with a day above 12 settles the question for the whole column.
  if (readings.length === 0 || readings.some((entry) => entry.kind === "one")) return undefined;
  const example = readings.find((entry) => entry.swapped);
  if (!example) return undefined;
  const value = JSON.stringify(example.value);
  return format === undefined
    ? `${label} (source field ${rule.path}): values like ${value} read as dates both day-first and month-first, and no date format is set; add a date transform with the format the source uses`
    : `${label} (source field ${rule.path}): every sampled value, like ${value}, reads as a date both day-first and month-first; check that ${format} is the format the source uses`;
}

/**
 * Warnings for date columns whose sampled values cannot tell day-first from month-first
 * (03-04-2024: 3 April or 4 March?). A wrong guess maps without error and is noticed months
 * later, so the preview and the import say so while the administrator can still check.
 */
export function dateAmbiguityWarnings(definition: MappingDefinition, rawPersons: readonly unknown[]): string[] {
  const persons = rawPersons.slice(0, SAMPLE);
  const contracts = persons.flatMap((person) => {
    const list = getPath(person, ["Contracts"]);
    return Array.isArray(list) ? list : [];
  }).slice(0, SAMPLE);
  const warnings: string[] = [];
  for (const [tab, records] of [["person", persons], ["contract", contracts]] as const) {
    for (const [path, rule] of Object.entries(definition[tab])) {
      if (rule.type !== "field") continue;
      const warning = warningFor(`${tab} field ${path}`, rule, records);
      if (warning) warnings.push(warning);
    }
  }
  return warnings;
}
