import { addDays, assertIsoDate, type IsoDate } from "../persons/iso-date.ts";
import type { Contract, Person } from "../persons/person-model.ts";
import type { Condition, ContractScope, FieldCondition } from "./condition.ts";
import { resolveConditionField } from "./condition-fields.ts";

/** A compiled condition: true when the person, with this contract (or none), satisfies it. */
export type ConditionTest = (person: Person, contract: Contract | undefined) => boolean;

type Scalar = string | number | boolean;


function reader(field: string): (person: Person, contract: Contract | undefined) => unknown {
  const resolved = resolveConditionField(field);
  if (!resolved) return () => undefined;
  const keys = resolved.path.split(".");
  return (person, contract) => {
    let value: unknown = resolved.on === "person" ? person : contract;
    for (const key of keys) {
      if (value === null || typeof value !== "object") return undefined;
      value = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    }
    return value;
  };
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === "";

/** The test of one field condition on a value (already read). */
function valueTest(condition: FieldCondition, today: IsoDate): (value: unknown) => boolean {
  const { operator } = condition;
  const fold = condition.caseSensitive ? (text: string) => text : (text: string) => text.toLowerCase();
  const asText = (value: unknown) => fold(String(value));
  const one = condition.value as Scalar;
  const many = (condition.values ?? []) as Scalar[];
  switch (operator) {
    case "isEmpty":
      return isEmpty;
    case "isNotEmpty":
      return (value) => !isEmpty(value);
    case "isTrue":
      return (value) => value === true;
    case "isFalse":
      return (value) => value === false;
    case "notEquals":
      return typeof one === "string" ? (value) => isEmpty(value) || asText(value) !== fold(one) : (value) => value !== one;
    case "notIn": {
      const set = new Set(many.map((item) => (typeof item === "string" ? fold(item) : item)));
      return (value) => isEmpty(value) || !set.has(typeof value === "string" ? fold(value) : (value as Scalar));
    }
  }
  let test: (value: Scalar) => boolean;
  switch (operator) {
    case "equals":
      test = typeof one === "string" ? (value) => asText(value) === fold(one) : (value) => value === one;
      break;
    case "in": {
      const set = new Set(many.map((item) => (typeof item === "string" ? fold(item) : item)));
      test = (value) => set.has(typeof value === "string" ? fold(value) : value);
      break;
    }
    case "startsWith":
      test = (value) => asText(value).startsWith(fold(String(one)));
      break;
    case "endsWith":
      test = (value) => asText(value).endsWith(fold(String(one)));
      break;
    case "contains":
      test = (value) => asText(value).includes(fold(String(one)));
      break;
    case "matches": {
      const pattern = new RegExp(String(one), condition.caseSensitive ? "u" : "iu");
      test = (value) => pattern.test(String(value));
      break;
    }
    case "greaterThan":
    case "after":
      test = (value) => value > one;
      break;
    case "greaterOrEqual":
    case "onOrAfter":
      test = (value) => value >= one;
      break;
    case "lessThan":
    case "before":
      test = (value) => value < one;
      break;
    case "lessOrEqual":
    case "onOrBefore":
      test = (value) => value <= one;
      break;
    case "between":
      test = (value) => value >= many[0]! && value <= many[1]!;
      break;
    case "withinNextDays": {
      const until = addDays(today, Number(one));
      test = (value) => value >= today && value <= until;
      break;
    }
    case "withinLastDays": {
      const since = addDays(today, -Number(one));
      test = (value) => value >= since && value <= today;
      break;
    }
    case "moreThanDaysAgo": {
      const limit = addDays(today, -Number(one));
      test = (value) => value < limit;
      break;
    }
    case "moreThanDaysAhead": {
      const limit = addDays(today, Number(one));
      test = (value) => value > limit;
      break;
    }
    default:
      throw new Error(`unknown operator ${operator}`);
  }
  // Values of another type than the condition's (a number in a text comparison is fine) never match.
  const relativeDays = ["withinNextDays", "withinLastDays", "moreThanDaysAgo", "moreThanDaysAhead"].includes(operator);
  const expected = relativeDays ? "string" : typeof (one ?? many[0]);
  return (value) => {
    if (isEmpty(value)) return false;
    if (typeof value === "object") return false;
    if (expected === "number" && typeof value !== "number") return false;
    if (relativeDays && typeof value !== "string") return false;
    return test(value as Scalar);
  };
}

/**
 * Compiles a (checked) condition into a test, once per evaluation: a full evaluation runs it for
 * every person and contract. `today` is the tenant's date (YYYY-MM-DD), handed in so tests and
 * the daily tick decide for a given day.
 */
export function compileCondition(condition: Condition, today: IsoDate): ConditionTest {
  assertIsoDate(today, "today");
  switch (condition.kind) {
    case "field": {
      const read = reader(condition.field);
      const test = valueTest(condition, today);
      return (person, contract) => test(read(person, contract));
    }
    case "all": {
      const parts = condition.conditions.map((child) => compileCondition(child, today));
      return (person, contract) => parts.every((part) => part(person, contract));
    }
    case "any": {
      const parts = condition.conditions.map((child) => compileCondition(child, today));
      return (person, contract) => parts.some((part) => part(person, contract));
    }
    case "not": {
      const inner = compileCondition(condition.condition, today);
      return (person, contract) => !inner(person, contract);
    }
  }
}

/** The contracts a person can be in scope through: all of them, or the primary one only. */
export function candidateContracts(person: Person, scope: ContractScope, primaryContractId?: string | null): (Contract | undefined)[] {
  const contracts = person.Contracts ?? [];
  if (scope === "primary") {
    const primary = contracts.find((contract) => contract.ExternalId === primaryContractId);
    return [primary];
  }
  return contracts.length > 0 ? contracts : [undefined];
}

export interface ScopeDecision {
  inScope: boolean;
  /** ExternalIds of the contracts that satisfy the condition (empty when a person-only condition holds without contracts). */
  contracts: string[];
}

/** Whether a person is in a rule's scope: at least one candidate contract satisfies the condition. */
export function decideScope(test: ConditionTest, person: Person, scope: ContractScope = "any", primaryContractId?: string | null): ScopeDecision {
  const contracts: string[] = [];
  let inScope = false;
  for (const contract of candidateContracts(person, scope, primaryContractId)) {
    if (!test(person, contract)) continue;
    inScope = true;
    if (contract) contracts.push(contract.ExternalId);
  }
  return { inScope, contracts };
}
