import { OPERATORS_BY_TYPE, checkCondition, conditionFieldCatalogue, type Condition, type ConditionFieldType, type FieldCondition } from "../../lib/idlife-core.ts";

/*
 * The condition editor's state: a tree of groups (All of / Any of / Not) and rows, each with a
 * stable id so React keys and problem messages stay attached while the tree changes. Rows keep
 * what was typed as text; `toCondition` turns it into the API's typed condition, and leaves a
 * value it cannot read as typed text so checkCondition names the problem instead of hiding it.
 */

export type GroupMode = "all" | "any" | "not";

export interface ConditionRow {
  kind: "row";
  id: string;
  field: string;
  operator: string;
  /** One value, a number of days, or the "from" of between. */
  value: string;
  /** The "to" of between. */
  secondValue: string;
  /** in / not in: the list, comma separated. */
  list: string;
  caseSensitive: boolean;
  /** How a custom field (not in the catalogue) is compared. */
  customType: ConditionFieldType;
}

export interface ConditionGroup {
  kind: "group";
  id: string;
  mode: GroupMode;
  children: ConditionNode[];
}

export type ConditionNode = ConditionRow | ConditionGroup;

export type ValueInput = "none" | "text" | "number" | "date" | "days" | "list" | "between";

const DAYS_OPERATORS = new Set(["withinNextDays", "withinLastDays", "moreThanDaysAgo", "moreThanDaysAhead"]);
const NO_VALUE_OPERATORS = new Set(["isEmpty", "isNotEmpty", "isTrue", "isFalse"]);
const LIST_OPERATORS = new Set(["in", "notIn"]);

export const fieldCatalogue: readonly { field: string; type: ConditionFieldType }[] = conditionFieldCatalogue();
const typeByField = new Map(fieldCatalogue.map((entry) => [entry.field, entry.type]));

let sequence = 0;
const nextId = () => `node-${++sequence}`;

export function newRow(field = "Contract.Department.ExternalId"): ConditionRow {
  const type = typeByField.get(field) ?? "text";
  return { kind: "row", id: nextId(), field, operator: OPERATORS_BY_TYPE[type][0]!, value: "", secondValue: "", list: "", caseSensitive: false, customType: "text" };
}

export function newGroup(mode: GroupMode = "all", children: ConditionNode[] = [newRow()]): ConditionGroup {
  return { kind: "group", id: nextId(), mode, children };
}

/** The type a row's field is compared as: the catalogue's, or for a custom field the one chosen. */
export function fieldType(row: Pick<ConditionRow, "field" | "customType">): ConditionFieldType {
  return typeByField.get(row.field) ?? row.customType;
}

export function isCatalogueField(field: string): boolean {
  return typeByField.has(field);
}

export function operatorsFor(row: Pick<ConditionRow, "field" | "customType">): readonly string[] {
  return OPERATORS_BY_TYPE[fieldType(row)];
}

export function valueInputFor(type: ConditionFieldType, operator: string): ValueInput {
  if (NO_VALUE_OPERATORS.has(operator)) return "none";
  if (LIST_OPERATORS.has(operator)) return "list";
  if (operator === "between") return "between";
  if (DAYS_OPERATORS.has(operator)) return "days";
  return type === "boolean" ? "none" : type;
}

/** Changes one node (found by id anywhere in the tree); a row whose field changes type gets an operator of the new type. */
export function updateNode(root: ConditionGroup, id: string, change: Partial<ConditionRow> | Partial<Pick<ConditionGroup, "mode">>): ConditionGroup {
  return mapTree(root, (node) => {
    if (node.id !== id) return node;
    if (node.kind === "group") return { ...node, ...(change as Partial<ConditionGroup>), kind: "group", id };
    const next = { ...node, ...(change as Partial<ConditionRow>), kind: "row" as const, id };
    if (!operatorsFor(next).includes(next.operator)) next.operator = operatorsFor(next)[0]!;
    return next;
  });
}

export function addChild(root: ConditionGroup, groupId: string, child: ConditionNode): ConditionGroup {
  return mapTree(root, (node) => (node.kind === "group" && node.id === groupId ? { ...node, children: [...node.children, child] } : node));
}

/** Removes a node; the root group itself stays. */
export function removeNode(root: ConditionGroup, id: string): ConditionGroup {
  return mapTree(root, (node) => (node.kind === "group" ? { ...node, children: node.children.filter((child) => child.id !== id) } : node));
}

function mapTree(node: ConditionGroup, change: (node: ConditionNode) => ConditionNode): ConditionGroup {
  const visit = (current: ConditionNode): ConditionNode => {
    const changed = change(current);
    return changed.kind === "group" ? { ...changed, children: changed.children.map(visit) } : changed;
  };
  return visit(node) as ConditionGroup;
}

function typedValue(type: ConditionFieldType, text: string): string | number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (type === "number" && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return trimmed;
}

function rowCondition(row: ConditionRow): FieldCondition {
  const type = fieldType(row);
  const condition: FieldCondition = { kind: "field", field: row.field.trim(), operator: row.operator };
  const input = valueInputFor(type, row.operator);
  if (input === "list") {
    condition.values = row.list.split(",").map((item) => typedValue(type, item)).filter((item) => item !== undefined);
  } else if (input === "between") {
    condition.values = [typedValue(type, row.value) ?? "", typedValue(type, row.secondValue) ?? ""];
  } else if (input === "days") {
    const days = typedValue("number", row.value);
    if (days !== undefined) condition.value = days;
  } else if (input !== "none") {
    const value = typedValue(type, row.value);
    if (value !== undefined) condition.value = value;
  }
  if (type === "text" && row.caseSensitive && input !== "none") condition.caseSensitive = true;
  return condition;
}

/** Where checkCondition's problem paths point in the editor: condition path -> node id. */
export type NodeByPath = Map<string, string>;

/**
 * The API's condition for the tree, and which node each condition path belongs to. A Not group
 * of one child negates that child; of several, it negates "all of them".
 */
export function toCondition(root: ConditionGroup): { condition: Condition; nodeByPath: NodeByPath } {
  const nodeByPath: NodeByPath = new Map();
  const join = (path: string, part: string) => (path ? `${path}.${part}` : part);
  const visit = (node: ConditionNode, path: string): Condition => {
    nodeByPath.set(path, node.id);
    if (node.kind === "row") return rowCondition(node);
    if (node.mode !== "not") {
      return { kind: node.mode, conditions: node.children.map((child, index) => visit(child, join(path, `conditions.${index}`))) };
    }
    if (node.children.length === 1) return { kind: "not", condition: visit(node.children[0]!, join(path, "condition")) };
    const inner = join(path, "condition");
    nodeByPath.set(inner, node.id);
    return { kind: "not", condition: { kind: "all", conditions: node.children.map((child, index) => visit(child, join(inner, `conditions.${index}`))) } };
  };
  return { condition: visit(root, ""), nodeByPath };
}

const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));

/** The editor's tree for a stored condition (a rule opened for editing). The root is always a group. */
export function fromCondition(condition: Condition): ConditionGroup {
  const visit = (current: Condition): ConditionNode => {
    if (current.kind === "all" || current.kind === "any") return newGroup(current.kind, current.conditions.map(visit));
    if (current.kind === "not") {
      const inner = current.condition;
      return newGroup("not", inner.kind === "all" ? inner.conditions.map(visit) : [visit(inner)]);
    }
    const row = newRow(current.field);
    const known = isCatalogueField(current.field);
    const sample = current.value ?? current.values?.[0];
    const customType: ConditionFieldType = known ? "text" : typeof sample === "number" ? "number" : /^\d{4}-\d{2}-\d{2}$/.test(text(sample)) ? "date" : "text";
    const between = current.operator === "between";
    return {
      ...row,
      operator: current.operator,
      customType,
      value: between ? text(current.values?.[0]) : text(current.value),
      secondValue: between ? text(current.values?.[1]) : "",
      list: LIST_OPERATORS.has(current.operator) ? (current.values ?? []).map(text).join(", ") : "",
      caseSensitive: current.caseSensitive ?? false,
    };
  };
  const root = visit(condition);
  return root.kind === "group" ? root : newGroup("all", [root]);
}

/** checkCondition's problems, each attached to the node it is about (as you type). */
export function conditionProblems(root: ConditionGroup): Map<string, string[]> {
  const { condition, nodeByPath } = toCondition(root);
  const byNode = new Map<string, string[]>();
  for (const problem of checkCondition(condition)) {
    const nodeId = nodeByPath.get(problem.path) ?? root.id;
    byNode.set(nodeId, [...(byNode.get(nodeId) ?? []), problem.message]);
  }
  return byNode;
}

/** Rows and groups numbered in reading order ("condition 2", "group 1"), for labels a person and a screen reader can tell apart. */
export function numberNodes(root: ConditionGroup): Map<string, number> {
  const numbers = new Map<string, number>();
  let rows = 0;
  let groups = 0;
  const visit = (node: ConditionNode) => {
    numbers.set(node.id, node.kind === "row" ? ++rows : ++groups);
    if (node.kind === "group") node.children.forEach(visit);
  };
  visit(root);
  return numbers;
}
