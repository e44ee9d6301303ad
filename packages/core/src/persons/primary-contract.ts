import { z } from "zod";
import { contractState, type ContractState } from "./contract-state.ts";
import type { IsoDate } from "./iso-date.ts";
import type { Contract } from "./person-model.ts";

export const PRIMARY_CONTRACT_FIELDS = [
  "Fte",
  "HoursPerWeek",
  "Percentage",
  "Sequence",
  "EndDate",
  "StartDate",
] as const;
export type PrimaryContractField = (typeof PRIMARY_CONTRACT_FIELDS)[number];

export const PrimaryContractCriterionSchema = z.strictObject({
  field: z.enum(PRIMARY_CONTRACT_FIELDS),
  direction: z.enum(["asc", "desc"]),
});
export type PrimaryContractCriterion = z.output<typeof PrimaryContractCriterionSchema>;

/** Each field may appear once: a second entry for the same field could never decide anything. */
export const PrimaryContractCriteriaSchema = z
  .array(PrimaryContractCriterionSchema)
  .refine((criteria) => new Set(criteria.map((c) => c.field)).size === criteria.length, {
    error: "each field may appear only once in the primary contract criteria",
  });

/** The biggest job is the main one; among equals the one running longest, then the oldest. */
export const DEFAULT_PRIMARY_CONTRACT_CRITERIA: readonly PrimaryContractCriterion[] = [
  { field: "Fte", direction: "desc" },
  { field: "HoursPerWeek", direction: "desc" },
  { field: "Percentage", direction: "desc" },
  { field: "Sequence", direction: "desc" },
  { field: "EndDate", direction: "desc" },
  { field: "StartDate", direction: "asc" },
];

export type RankableContract = Pick<Contract, "ExternalId" | "StartDate" | "EndDate" | "Details">;

const stateRank: Record<ContractState, number> = { active: 0, future: 1, expired: 2 };

function compareIds(a: string, b: string): number {
  // Code-unit order, not localeCompare: the result must not depend on the server's locale.
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNumbers(a: number | null | undefined, b: number | null | undefined, sign: number) {
  const aMissing = typeof a !== "number" || Number.isNaN(a);
  const bMissing = typeof b !== "number" || Number.isNaN(b);
  // A missing number says nothing about the contract, so it never wins, in either direction.
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  return sign * (a - b);
}

/*
 * Missing dates are not "unknown" like missing numbers: a missing end date means open ended
 * (later than any date) and a missing start date means started long ago (earlier than any date),
 * the same reading contractState uses.
 */
const LATEST = "9999-12-31~";
const EARLIEST = "";

function compareDates(a: string, b: string, sign: number): number {
  return sign * compareIds(a, b);
}

function compareBy(criterion: PrimaryContractCriterion, a: RankableContract, b: RankableContract) {
  const sign = criterion.direction === "asc" ? 1 : -1;
  switch (criterion.field) {
    case "EndDate":
      return compareDates(a.EndDate ?? LATEST, b.EndDate ?? LATEST, sign);
    case "StartDate":
      return compareDates(a.StartDate ?? EARLIEST, b.StartDate ?? EARLIEST, sign);
    default:
      return compareNumbers(a.Details?.[criterion.field], b.Details?.[criterion.field], sign);
  }
}

/** Orders contracts by the criteria only (not by state), ExternalId breaking the last tie. */
export function compareContracts(
  criteria: readonly PrimaryContractCriterion[],
): (a: RankableContract, b: RankableContract) => number {
  return (a, b) => {
    for (const criterion of criteria) {
      const order = compareBy(criterion, a, b);
      if (order !== 0) return order;
    }
    return compareIds(a.ExternalId, b.ExternalId);
  };
}

/**
 * All contracts in primary order: active ones first, then future, then expired, each group
 * ordered by the criteria. The first one is the primary contract.
 */
export function rankContracts<T extends RankableContract>(
  contracts: readonly T[],
  criteria: readonly PrimaryContractCriterion[],
  today: IsoDate,
): T[] {
  const byCriteria = compareContracts(criteria);
  return contracts
    .map((contract) => ({ contract, rank: stateRank[contractState(contract, today)] }))
    .sort((a, b) => a.rank - b.rank || byCriteria(a.contract, b.contract))
    .map((entry) => entry.contract);
}

/** The primary contract, or null for a person without contracts. */
export function selectPrimaryContract<T extends RankableContract>(
  contracts: readonly T[],
  criteria: readonly PrimaryContractCriterion[],
  today: IsoDate,
): T | null {
  return rankContracts(contracts, criteria, today)[0] ?? null;
}

export interface PrimaryContractChange {
  personExternalId: string;
  oldContractExternalId: string | null;
  newContractExternalId: string | null;
}

/** Who would get a different primary contract if the criteria changed; shown before saving. */
export function primaryContractChanges(
  persons: readonly { ExternalId: string; Contracts?: readonly RankableContract[] | null }[],
  oldCriteria: readonly PrimaryContractCriterion[],
  newCriteria: readonly PrimaryContractCriterion[],
  today: IsoDate,
): PrimaryContractChange[] {
  const changes: PrimaryContractChange[] = [];
  for (const person of persons) {
    const contracts = person.Contracts ?? [];
    const before = selectPrimaryContract(contracts, oldCriteria, today)?.ExternalId ?? null;
    const after = selectPrimaryContract(contracts, newCriteria, today)?.ExternalId ?? null;
    if (before !== after) {
      changes.push({
        personExternalId: person.ExternalId,
        oldContractExternalId: before,
        newContractExternalId: after,
      });
    }
  }
  return changes;
}
