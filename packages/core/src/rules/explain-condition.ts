import type { IsoDate } from "../persons/iso-date.ts";
import type { Contract, Person } from "../persons/person-model.ts";
import type { Condition } from "./condition.ts";
import { resolveConditionField } from "./condition-fields.ts";
import { candidateContracts, compileCondition } from "./evaluate-condition.ts";
import type { ContractScope } from "./condition.ts";

/** One part of a condition with its outcome for a person (and contract): the "why / why not" report. */
export interface ExplainedCondition {
  /** Where in the condition ("" for the root, "conditions.1" ...), as checkCondition reports it. */
  path: string;
  /** In words: "Contract.Department.ExternalId equals 'X'", "all of", "not". */
  text: string;
  result: boolean;
  /** The value the field had (field conditions only). */
  actual?: unknown;
  parts?: ExplainedCondition[];
}

function describe(condition: Condition): string {
  if (condition.kind === "all") return "all of";
  if (condition.kind === "any") return "any of";
  if (condition.kind === "not") return "not";
  const operand = condition.values ? `[${condition.values.map((value) => JSON.stringify(value)).join(", ")}]` : condition.value === undefined ? "" : JSON.stringify(condition.value);
  return `${condition.field} ${condition.operator}${operand ? ` ${operand}` : ""}`;
}

function readValue(field: string, person: Person, contract: Contract | undefined): unknown {
  const resolved = resolveConditionField(field);
  if (!resolved) return undefined;
  let value: unknown = resolved.on === "person" ? person : contract;
  for (const key of resolved.path.split(".")) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The condition's tree with each part's outcome for this person and contract. */
export function explainCondition(condition: Condition, person: Person, contract: Contract | undefined, today: IsoDate, path = ""): ExplainedCondition {
  const result = compileCondition(condition, today)(person, contract);
  const prefix = path ? `${path}.` : "";
  if (condition.kind === "field") return { path, text: describe(condition), result, actual: readValue(condition.field, person, contract) ?? null };
  if (condition.kind === "not") return { path, text: "not", result, parts: [explainCondition(condition.condition, person, contract, today, `${prefix}condition`)] };
  return { path, text: describe(condition), result, parts: condition.conditions.map((child, index) => explainCondition(child, person, contract, today, `${prefix}conditions.${index}`)) };
}

/** The field conditions that decided a failed part: what to tell an administrator asking "why not". */
export function failedConditions(explained: ExplainedCondition): ExplainedCondition[] {
  if (explained.result) return [];
  if (!explained.parts) return [explained];
  if (explained.text === "not") return [explained];
  if (explained.text === "any of") return explained.parts.flatMap(failedConditions);
  return explained.parts.filter((part) => !part.result).flatMap(failedConditions);
}

/** Per candidate contract: whether it satisfies the condition and the explained tree. */
export function explainScope(condition: Condition, person: Person, today: IsoDate, scope: ContractScope = "any", primaryContractId?: string | null) {
  return candidateContracts(person, scope, primaryContractId).map((contract) => {
    const tree = explainCondition(condition, person, contract, today);
    return { contract: contract?.ExternalId ?? null, inScope: tree.result, tree, failed: failedConditions(tree) };
  });
}
