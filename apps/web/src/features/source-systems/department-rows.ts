import type { MappingDefinition } from "@idlife/contracts";

/*
 * The Department tab: a fixed set of four fields, each a copy of a column of the departments
 * file (or endpoint), a fixed value, or not mapped. The worker reads field copies and fixed
 * values (apps/worker/src/imports/map-departments.ts); a script stored by hand is kept as it is.
 */

export const DEPARTMENT_FIELDS = ["ExternalId", "DisplayName", "ParentExternalId", "ManagerExternalId"] as const;
export type DepartmentField = (typeof DEPARTMENT_FIELDS)[number];
export type DepartmentRuleType = "none" | "field" | "fixed" | "complex";
type DepartmentMapping = NonNullable<MappingDefinition["department"]>;

export const departmentFieldHints: Record<DepartmentField, string> = {
  ExternalId: "The department's code; contracts point to it with Department.ExternalId.",
  DisplayName: "The department's name.",
  ParentExternalId: "The code of the department above it; empty for the top of the tree.",
  ManagerExternalId: "The ExternalId of the person who manages the department.",
};

export interface DepartmentRow {
  field: DepartmentField;
  type: DepartmentRuleType;
  path: string;
  value: string;
  /** A stored script (not editable here; the worker does not run scripts for departments). */
  script: string;
}

export interface DepartmentProblem {
  tab: "department";
  rowKey: string;
  message: string;
}

export function departmentToRows(department: MappingDefinition["department"]): DepartmentRow[] {
  return DEPARTMENT_FIELDS.map((field) => {
    const rule = department?.[field];
    const row: DepartmentRow = { field, type: rule?.type ?? "none", path: "", value: "", script: "" };
    if (rule?.type === "field") row.path = rule.path;
    if (rule?.type === "fixed") row.value = rule.value === null || rule.value === undefined ? "" : String(rule.value);
    if (rule?.type === "complex") row.script = rule.script;
    return row;
  });
}

/** The department part of the mapping (undefined when nothing is mapped), with what the API would refuse. */
export function rowsToDepartment(rows: readonly DepartmentRow[]): { department: DepartmentMapping | undefined; problems: DepartmentProblem[] } {
  const department: DepartmentMapping = {};
  const problems: DepartmentProblem[] = [];
  const problem = (row: DepartmentRow, message: string) => problems.push({ tab: "department", rowKey: row.field, message });
  for (const row of rows) {
    if (row.type === "field") {
      if (row.path.trim()) department[row.field] = { type: "field", path: row.path.trim() };
      else problem(row, `Name the column to copy into ${row.field}, or choose “Not mapped”`);
    } else if (row.type === "fixed") {
      department[row.field] = { type: "fixed", value: row.value.trim() === "" ? null : row.value };
    } else if (row.type === "complex") {
      department[row.field] = { type: "complex", script: row.script };
    }
  }
  const mapped = Object.keys(department).length > 0;
  if (mapped && department.ExternalId === undefined) {
    problems.unshift({ tab: "department", rowKey: "ExternalId", message: "Map ExternalId too: the column that identifies a department (its code)" });
  }
  return { department: mapped ? department : undefined, problems };
}

/** Whether a stored mapping maps departments at all (without it the department tree has no managers). */
export function hasDepartmentMapping(mapping: Pick<MappingDefinition, "department">): boolean {
  return Object.keys(mapping.department ?? {}).length > 0;
}
