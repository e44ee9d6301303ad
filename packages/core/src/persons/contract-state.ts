import { assertIsoDate, type IsoDate } from "./iso-date.ts";
import type { Contract } from "./person-model.ts";

export const CONTRACT_STATES = ["active", "future", "expired"] as const;
export type ContractState = (typeof CONTRACT_STATES)[number];

export type ContractDates = Pick<Contract, "StartDate" | "EndDate">;

/**
 * Where a contract stands on `today` (a YYYY-MM-DD date in the tenant's time zone).
 * Both the start and the end date are working days of the contract: someone whose contract ends
 * today still works today and keeps access until the day is over.
 * - no StartDate: the contract has started (sources often leave it out for long-running contracts);
 * - no EndDate: open ended;
 * - an EndDate before the StartDate is a contract that never runs; it is "expired" rather than
 *   "future" so that it does not trigger pre-onboarding for a job that will not happen.
 */
export function contractState(contract: ContractDates, today: IsoDate): ContractState {
  assertIsoDate(today, "today");
  const start = contract.StartDate ?? null;
  const end = contract.EndDate ?? null;
  if (start !== null && end !== null && end < start) return "expired";
  if (start !== null && start > today) return "future";
  if (end !== null && end < today) return "expired";
  return "active";
}
