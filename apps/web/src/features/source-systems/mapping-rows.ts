import type { MappingDefinition } from "@idlife/contracts";
import { draftsToTransforms, transformsToDrafts, type TransformDraft } from "./transform-drafts.ts";
import { departmentToRows, rowsToDepartment, type DepartmentProblem, type DepartmentRow } from "./department-rows.ts";
import { MAPPABLE_CONTRACT_FIELD_PATHS, MAPPABLE_PERSON_FIELD_PATHS, fieldKind, isCustomFieldPath } from "../../lib/idlife-core.ts";

/*
 * The mapping editor works on rows (one per target field) rather than on the stored object, so a
 * row can be half filled in, change type without losing what was typed, and be reordered. These
 * functions turn a stored mapping into rows and rows back into a mapping, with a message per
 * row for what the API would refuse.
 */

export type MappingTab = "person" | "contract";
export type RuleType = "fixed" | "field" | "complex";
type FieldMapping = MappingDefinition["person"][string];

export interface MappingRow {
  /** Stable identity for React while the field is being chosen or changed. */
  key: string;
  field: string;
  type: RuleType;
  value: string;
  path: string;
  script: string;
  required: boolean;
  /** Built-in transforms of a source-field or fixed rule, in order. */
  transforms: TransformDraft[];
}

export interface RowProblem {
  tab: MappingTab;
  rowKey: string;
  message: string;
}

export const mappableFields: Record<MappingTab, readonly string[]> = {
  person: MAPPABLE_PERSON_FIELD_PATHS,
  contract: MAPPABLE_CONTRACT_FIELD_PATHS,
};

let nextKey = 0;
export function newRowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

export function emptyRow(field = ""): MappingRow {
  return { key: newRowKey(), field, type: "field", value: "", path: "", script: "", required: false, transforms: [] };
}

/** The order the person model has (how people read it), then custom fields alphabetically. */
export function compareFields(tab: MappingTab, a: string, b: string): number {
  const known = mappableFields[tab];
  const rankA = known.indexOf(a) === -1 ? known.length : known.indexOf(a);
  const rankB = known.indexOf(b) === -1 ? known.length : known.indexOf(b);
  return rankA !== rankB ? rankA - rankB : a.localeCompare(b);
}

function fixedValueAsText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export function mappingToRows(tab: MappingTab, rules: Record<string, FieldMapping>): MappingRow[] {
  return Object.keys(rules)
    .sort((a, b) => compareFields(tab, a, b))
    .map((field) => {
      const rule = rules[field]!;
      const row = { ...emptyRow(field), type: rule.type, required: rule.required ?? false };
      if (rule.type === "fixed") row.value = fixedValueAsText(rule.value);
      if (rule.type === "field") row.path = rule.path;
      if (rule.type === "complex") row.script = rule.script;
      if (rule.type !== "complex") row.transforms = transformsToDrafts(rule.transforms);
      return row;
    });
}

/** A fixed value typed as text becomes the type its target field holds. */
export function parseFixedValue(tab: MappingTab, field: string, text: string): { ok: true; value: string | number | boolean | null } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  const kind = fieldKind(tab, field);
  if (kind === "number") {
    const number = Number(trimmed.replace(",", "."));
    return Number.isFinite(number) ? { ok: true, value: number } : { ok: false, message: `${field} holds a number; “${text}” is not one` };
  }
  if (kind === "boolean") {
    if (trimmed === "true" || trimmed === "false") return { ok: true, value: trimmed === "true" };
    return { ok: false, message: `${field} is true or false` };
  }
  if (kind === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    return { ok: false, message: `${field} is a date written as YYYY-MM-DD` };
  }
  return { ok: true, value: text };
}

export function isKnownField(tab: MappingTab, field: string): boolean {
  return mappableFields[tab].includes(field) || isCustomFieldPath(field);
}

export function rowsToRules(tab: MappingTab, rows: readonly MappingRow[]): { rules: Record<string, FieldMapping>; problems: RowProblem[] } {
  const rules: Record<string, FieldMapping> = {};
  const problems: RowProblem[] = [];
  const problem = (row: MappingRow, message: string) => problems.push({ tab, rowKey: row.key, message });
  for (const row of rows) {
    const field = row.field.trim();
    if (!field) {
      problem(row, "Choose the target field, or remove the row");
      continue;
    }
    if (!isKnownField(tab, field)) {
      problem(row, `“${field}” is not a ${tab} field; custom fields are named Custom.<name>`);
      continue;
    }
    if (field in rules) {
      problem(row, `${field} is mapped twice; keep one row`);
      continue;
    }
    const required = row.required ? { required: true } : {};
    const drafted = draftsToTransforms(row.type === "complex" ? [] : row.transforms);
    if (!drafted.ok) {
      problem(row, `${field}: ${drafted.message}`);
      continue;
    }
    const transforms = drafted.transforms.length > 0 ? { transforms: drafted.transforms } : {};
    if (row.type === "field") {
      if (!row.path.trim()) problem(row, `Name the source field to copy into ${field}`);
      else rules[field] = { type: "field", path: row.path.trim(), ...required, ...transforms };
    } else if (row.type === "complex") {
      if (!row.script.trim()) problem(row, `Write the script that returns ${field}`);
      else rules[field] = { type: "complex", script: row.script, ...required };
    } else {
      const parsed = parseFixedValue(tab, field, row.value);
      if (!parsed.ok) problem(row, parsed.message);
      else rules[field] = { type: "fixed", value: parsed.value, ...required, ...transforms };
    }
  }
  return { rules, problems };
}

export interface MappingRows {
  person: MappingRow[];
  contract: MappingRow[];
  department: DepartmentRow[];
}

export function definitionToRows(definition: MappingDefinition): MappingRows {
  return {
    person: mappingToRows("person", definition.person),
    contract: mappingToRows("contract", definition.contract),
    department: departmentToRows(definition.department),
  };
}

/** The mapping to save or preview, with a message per row for what the API would refuse. */
export function rowsToDefinition(rows: MappingRows): { definition: MappingDefinition; problems: Array<RowProblem | DepartmentProblem> } {
  const person = rowsToRules("person", rows.person);
  const contract = rowsToRules("contract", rows.contract);
  const { department, problems: departmentProblems } = rowsToDepartment(rows.department);
  const definition: MappingDefinition = { person: person.rules, contract: contract.rules, ...(department ? { department } : {}) };
  return { definition, problems: [...person.problems, ...contract.problems, ...departmentProblems] };
}

/** Field lists grouped for a select's optgroups: "Name", "Contact", ...; single names under "General". */
export function fieldGroups(tab: MappingTab): Array<{ label: string; fields: string[] }> {
  const groups = new Map<string, string[]>();
  for (const field of mappableFields[tab]) {
    const dot = field.indexOf(".");
    const label = dot === -1 ? "General" : field.slice(0, dot);
    groups.set(label, [...(groups.get(label) ?? []), field]);
  }
  return [...groups].map(([label, fields]) => ({ label, fields }));
}
