import { addDays, type IsoDate } from "../persons/iso-date.ts";
import type { Contract } from "../persons/person-model.ts";
import type { LifecycleTiming } from "./business-rule.ts";


/** Which stage of its life an entitlement is in for a person today, from the matching contracts. */
export interface LifecycleStage {
  /** The account should exist (disabled before the start, enabled in between, disabled after the grace). */
  account: boolean;
  /** Access (the account enabled) and permissions. */
  access: boolean;
  /** First start and last end of the matching contracts (null: open). */
  start: IsoDate | null;
  end: IsoDate | null;
}

/**
 * The lifecycle stage for today. Contracts without a start have started; without an end they are
 * open ended. Several matching contracts count as one span from the first start to the last end,
 * so a contract extension or a follow-up contract keeps access without a gap.
 */
export function lifecycleStage(contracts: readonly Pick<Contract, "StartDate" | "EndDate">[], timing: LifecycleTiming, today: IsoDate): LifecycleStage {
  if (contracts.length === 0) return { account: true, access: true, start: null, end: null };
  let start: IsoDate | null = null;
  let end: IsoDate | null = null;
  let openStart = false;
  let openEnd = false;
  for (const contract of contracts) {
    if (!contract.StartDate) openStart = true;
    else if (start === null || contract.StartDate < start) start = contract.StartDate;
    if (!contract.EndDate) openEnd = true;
    else if (end === null || contract.EndDate > end) end = contract.EndDate;
  }
  if (openStart) start = null;
  if (openEnd) end = null;
  const started = start === null || today >= start;
  const accountStarted = start === null || today >= addDays(start, -timing.accountDaysBefore);
  const accessEnded = end !== null && today > addDays(end, timing.graceDays);
  const accountEnded = end !== null && today > addDays(end, timing.deleteAfterDays);
  return { account: accountStarted && !accountEnded, access: started && !accessEnded && !accountEnded, start, end };
}

/**
 * The next day on which the stage can change (a start, an end, a grace or delete day), after today:
 * the daily tick evaluates persons on such days without an import.
 */
export function nextStageChange(stage: LifecycleStage, timing: LifecycleTiming, today: IsoDate): IsoDate | null {
  const days = [
    stage.start && addDays(stage.start, -timing.accountDaysBefore),
    stage.start,
    stage.end && addDays(stage.end, timing.graceDays + 1),
    stage.end && addDays(stage.end, timing.deleteAfterDays + 1),
  ].filter((day): day is IsoDate => Boolean(day) && day! > today);
  return days.length > 0 ? days.sort()[0]! : null;
}
