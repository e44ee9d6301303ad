import { isIsoDate } from "../persons/iso-date.ts";
import { CONDITION_LIMITS, type Condition, type FieldCondition } from "./condition.ts";
import { OPERATORS_BY_TYPE, resolveConditionField, type ConditionFieldType } from "./condition-fields.ts";
import { patternProblem } from "./safe-pattern.ts";

export interface ConditionProblem {
  /** Where in the condition: "conditions.1.condition" ("" for the root). */
  path: string;
  message: string;
}

const NO_VALUE = new Set(["isEmpty", "isNotEmpty", "isTrue", "isFalse"]);
const LIST = new Set(["in", "notIn"]);
const DAYS = new Set(["withinNextDays", "withinLastDays", "moreThanDaysAgo", "moreThanDaysAhead"]);

function typeOfOperatorUse(condition: FieldCondition): ConditionFieldType | undefined {
  for (const type of ["date", "number", "boolean", "text"] as const) {
    if (!OPERATORS_BY_TYPE[type].includes(condition.operator)) continue;
    const sample = condition.value ?? condition.values?.[0];
    if (type === "date" && (DAYS.has(condition.operator) || isIsoDate(sample))) return "date";
    if (type === "number" && typeof sample === "number") return "number";
    if (type === "boolean" && ["isTrue", "isFalse"].includes(condition.operator)) return "boolean";
    if (type === "text" && (typeof sample === "string" || sample === undefined)) return "text";
  }
  return undefined;
}

function valueProblem(type: ConditionFieldType, value: unknown): string | undefined {
  if (type === "date") return isIsoDate(value) ? undefined : `expects a date as YYYY-MM-DD, got ${JSON.stringify(value)}`;
  if (type === "number") return typeof value === "number" ? undefined : `expects a number, got ${JSON.stringify(value)}`;
  if (type === "text") return typeof value === "string" ? undefined : `expects text, got ${JSON.stringify(value)}`;
  return typeof value === "boolean" ? undefined : `expects true or false, got ${JSON.stringify(value)}`;
}

function checkField(condition: FieldCondition, customTypes: ReadonlyMap<string, ConditionFieldType>): string[] {
  const resolved = resolveConditionField(condition.field, customTypes);
  if (!resolved) return [`the field '${condition.field}' does not exist (person fields such as Name.FamilyName or Custom.X; contract fields as Contract.StartDate, Contract.Department.ExternalId)`];
  const type = resolved.type ?? typeOfOperatorUse(condition);
  if (!type) return [`'${condition.operator}' on '${condition.field}' needs a value of a matching type`];
  const { operator } = condition;
  if (!OPERATORS_BY_TYPE[type].includes(operator)) {
    return [`'${condition.field}' is ${type === "date" ? "a date" : type === "number" ? "a number" : type === "boolean" ? "true/false" : "text"}: '${operator}' does not apply to it (use one of ${OPERATORS_BY_TYPE[type].join(", ")})`];
  }
  const problems: string[] = [];
  const label = `'${condition.field}' ${operator}`;
  if (NO_VALUE.has(operator)) {
    if (condition.value !== undefined || condition.values !== undefined) problems.push(`${label} takes no value`);
  } else if (LIST.has(operator)) {
    if (!condition.values || condition.values.length === 0) problems.push(`${label} needs a list of values`);
    for (const value of condition.values ?? []) {
      const problem = valueProblem(type, value);
      if (problem) problems.push(`${label} ${problem}`);
    }
  } else if (operator === "between") {
    if (condition.values?.length !== 2) problems.push(`${label} needs two values: from and to`);
    else {
      for (const value of condition.values) {
        const problem = valueProblem(type, value);
        if (problem) problems.push(`${label} ${problem}`);
      }
      const [from, to] = condition.values;
      if (problems.length === 0 && (from as number | string) > (to as number | string)) problems.push(`${label}: the first value must not be after the second`);
    }
  } else if (DAYS.has(operator)) {
    const days = condition.value;
    if (typeof days !== "number" || !Number.isInteger(days) || days < 0 || days > CONDITION_LIMITS.days) problems.push(`${label} needs a whole number of days from 0 to ${CONDITION_LIMITS.days}`);
  } else {
    if (condition.value === undefined) problems.push(`${label} needs a value`);
    else {
      const problem = valueProblem(type, condition.value);
      if (problem) problems.push(`${label} ${problem}`);
      else if (operator === "matches") {
        const patternIssue = patternProblem(String(condition.value));
        if (patternIssue) problems.push(`${label}: ${patternIssue}`);
      }
    }
  }
  return problems;
}

/**
 * Everything wrong with a condition, with where; empty when it can be saved. A rule whose
 * condition names a field that does not exist or compares a date with text is refused.
 */
export function checkCondition(root: Condition, customTypes: ReadonlyMap<string, ConditionFieldType> = new Map()): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  let nodes = 0;
  const visit = (condition: Condition, path: string, depth: number) => {
    nodes++;
    if (depth > CONDITION_LIMITS.depth) {
      problems.push({ path, message: `conditions nest at most ${CONDITION_LIMITS.depth} levels deep` });
      return;
    }
    if (condition.kind === "field") {
      for (const message of checkField(condition, customTypes)) problems.push({ path, message });
    } else if (condition.kind === "not") visit(condition.condition, `${path ? `${path}.` : ""}condition`, depth + 1);
    else {
      if (condition.conditions.length === 0) problems.push({ path, message: `an ${condition.kind === "all" ? "AND" : "OR"} group needs at least one condition` });
      condition.conditions.forEach((child, index) => visit(child, `${path ? `${path}.` : ""}conditions.${index}`, depth + 1));
    }
  };
  visit(root, "", 0);
  if (nodes > CONDITION_LIMITS.nodes) problems.push({ path: "", message: `a condition holds at most ${CONDITION_LIMITS.nodes} parts (this one has ${nodes})` });
  return problems;
}
