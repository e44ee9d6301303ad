import {
  MAPPABLE_CONTRACT_FIELD_PATHS,
  MAPPABLE_PERSON_FIELD_PATHS,
  type Contract,
  type PersonInput,
} from "./person-model.ts";

export type ChangeKind = "added" | "changed" | "removed";

export interface FieldChange {
  /** "Name.FamilyName", "Contracts[C-123]" or "Contracts[C-123].Title.Name". */
  field: string;
  kind: ChangeKind;
  /** null when the field had no value; a whole contract for a contract that was removed. */
  oldValue: unknown;
  /** null when the field has no value any more; a whole contract for a contract that was added. */
  newValue: unknown;
}

/** A person as history compares it: Contracts may be missing, as for a person read from storage. */
export type HistoryPerson = Omit<PersonInput, "Contracts"> & { Contracts?: readonly Contract[] | null };

/*
 * undefined, null and "" all mean "no value" here. Sources switch between leaving a column empty
 * and leaving a property out from one export to the next; an administrator reading a history tab
 * should not see a change where nothing visible changed.
 */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function flatten(value: unknown, prefix: string, into: Map<string, unknown>): void {
  if (isEmpty(value)) return;
  if (!isPlainObject(value)) {
    into.set(prefix, value);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    flatten(child, prefix ? `${prefix}.${key}` : key, into);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  // Only arrays reach here as non-scalars; compare their content, not their identity.
  return typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b);
}

/** Known fields in model order (how the person page lists them), then others alphabetically. */
function byModelOrder(knownPaths: readonly string[]): (a: string, b: string) => number {
  const rank = new Map(knownPaths.map((path, index) => [path, index]));
  return (a, b) => {
    const rankA = rank.get(a) ?? knownPaths.length;
    const rankB = rank.get(b) ?? knownPaths.length;
    if (rankA !== rankB) return rankA - rankB;
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

const personFieldOrder = byModelOrder(MAPPABLE_PERSON_FIELD_PATHS);
const contractFieldOrder = byModelOrder(MAPPABLE_CONTRACT_FIELD_PATHS);

function diffFields(
  before: Map<string, unknown>,
  after: Map<string, unknown>,
  order: (a: string, b: string) => number,
  prefix: string,
): FieldChange[] {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort(order);
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const oldValue = before.get(path) ?? null;
    const newValue = after.get(path) ?? null;
    if (sameValue(oldValue, newValue)) continue;
    const kind: ChangeKind = oldValue === null ? "added" : newValue === null ? "removed" : "changed";
    changes.push({ field: prefix + path, kind, oldValue, newValue });
  }
  return changes;
}

function flattenPerson(person: HistoryPerson | undefined): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  if (!person) return fields;
  const { Contracts: _contracts, ...rest } = person;
  flatten(rest, "", fields);
  return fields;
}

function contractsById(person: HistoryPerson | undefined): Map<string, Contract> {
  return new Map((person?.Contracts ?? []).map((contract) => [contract.ExternalId, contract]));
}

function flattenContract(contract: Contract): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  const { ExternalId: _id, ...rest } = contract;
  flatten(rest, "", fields);
  return fields;
}

/**
 * Field-level differences between two versions of one person, for the History tab.
 * Contracts are matched by ExternalId (unique within a person after mapping). A contract that
 * appears or disappears is one change carrying the whole contract: an administrator wants to read
 * "contract C-123 added", not twenty lines of its fields. A contract that stays reports each field
 * that changed, because there the detail is the news ("EndDate 2025-07-31 -> 2026-07-31").
 * A new person (before undefined) lists every field as added; a person no longer delivered
 * (after undefined) lists every field as removed. Order is stable: person fields in model order
 * (custom fields after them alphabetically), then contracts by ExternalId.
 */
export function diffPerson(
  before: HistoryPerson | undefined,
  after: HistoryPerson | undefined,
): FieldChange[] {
  const changes = diffFields(flattenPerson(before), flattenPerson(after), personFieldOrder, "");
  const oldContracts = contractsById(before);
  const newContracts = contractsById(after);
  const ids = [...new Set([...oldContracts.keys(), ...newContracts.keys()])].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  for (const id of ids) {
    const oldContract = oldContracts.get(id);
    const newContract = newContracts.get(id);
    const field = `Contracts[${id}]`;
    if (!oldContract && newContract) {
      changes.push({ field, kind: "added", oldValue: null, newValue: newContract });
    } else if (oldContract && !newContract) {
      changes.push({ field, kind: "removed", oldValue: oldContract, newValue: null });
    } else if (oldContract && newContract) {
      changes.push(
        ...diffFields(
          flattenContract(oldContract),
          flattenContract(newContract),
          contractFieldOrder,
          `${field}.`,
        ),
      );
    }
  }
  return changes;
}
