import { MAPPABLE_PERSON_FIELD_PATHS, getPath } from "../../lib/idlife-core.ts";
import { humanizeFieldName } from "../../lib/format.ts";

export interface FieldRow {
  path: string;
  label: string;
  value: unknown;
}

export interface FieldGroup {
  id: string;
  title: string;
  rows: FieldRow[];
}

const groupTitles: Record<string, string> = {
  General: "General",
  Name: "Name",
  Details: "Details",
  "Contact.Business": "Contact · Business",
  "Contact.Personal": "Contact · Personal",
  Location: "Location",
  Custom: "Custom fields",
};

/** Shown even when empty, so "no business email" is visibly a fact rather than a missing section. */
const alwaysShown = new Set(["General", "Name", "Details", "Contact.Business", "Location"]);

function groupOf(path: string): string {
  if (!path.includes(".")) return "General";
  const [first, second] = path.split(".");
  return first === "Contact" ? `${first}.${second}` : first!;
}

/** "Phone.Mobile" under Contact · Business reads "Phone (mobile)". */
export function fieldLabel(path: string, group: string): string {
  const rest = group === "General" ? path : path.slice(group.length + 1);
  const [head, ...tail] = rest.split(".");
  const label = humanizeFieldName(head!);
  return tail.length === 0 ? label : `${label} (${tail.map((part) => humanizeFieldName(part).toLowerCase()).join(", ")})`;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/**
 * A person's fields grouped as the person page shows them, in person-model order. Only fields
 * with a value are listed; Contact · Personal and Custom appear only when they hold something
 * (and the API leaves Contact.Personal out for roles that may not see it).
 */
export function groupPersonFields(data: Record<string, unknown>): FieldGroup[] {
  const groups = new Map<string, FieldRow[]>();
  for (const id of Object.keys(groupTitles)) groups.set(id, []);
  for (const path of MAPPABLE_PERSON_FIELD_PATHS) {
    const group = groupOf(path);
    const value = getPath(data, path);
    if (!isEmpty(value)) groups.get(group)?.push({ path, label: fieldLabel(path, group), value });
  }
  const custom = data.Custom;
  if (custom && typeof custom === "object" && !Array.isArray(custom)) {
    for (const [name, value] of Object.entries(custom).sort(([a], [b]) => a.localeCompare(b))) {
      if (!isEmpty(value)) groups.get("Custom")!.push({ path: `Custom.${name}`, label: name, value });
    }
  }
  return [...groups]
    .filter(([id, rows]) => rows.length > 0 || alwaysShown.has(id))
    .map(([id, rows]) => ({ id, title: groupTitles[id]!, rows }));
}
