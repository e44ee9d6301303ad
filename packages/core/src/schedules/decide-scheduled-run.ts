import { describeAllowedHours, isWithinAllowedHours, nextAllowedStart, type AllowedHours } from "./allowed-hours.ts";

export type ScheduledRunDecision =
  | { action: "run" }
  | { action: "wait"; until: Date; reason: string }
  | { action: "idle" };

export interface ScheduledRunInput {
  /** The latest cron occurrence at or before `now`, jitter included; null when there is none. */
  due: Date | null;
  /** When the source's previous scheduled import started; null when it never had one. */
  lastRunAt: Date | null;
  now: Date;
  allowedHours?: AllowedHours | undefined;
  timeZone: string;
  /**
   * The source's jitter (see jitterFor). A run that waited for its window starts this long after
   * the window opens, so sources that waited together do not all start at the same moment.
   */
  jitterSeconds?: number | undefined;
}

/**
 * When a run that became due at `due` starts: at `due` when that lies inside the allowed hours,
 * else when the window next opens (plus the jitter, as long as that is still inside the window).
 */
export function plannedRunAt(due: Date, allowedHours: AllowedHours | undefined, timeZone: string, jitterSeconds = 0): Date {
  if (!allowedHours || isWithinAllowedHours(allowedHours, due, timeZone)) return due;
  const opens = nextAllowedStart(allowedHours, due, timeZone);
  const jittered = new Date(opens.getTime() + jitterSeconds * 1000);
  return isWithinAllowedHours(allowedHours, jittered, timeZone) ? jittered : opens;
}

/**
 * Whether a source's scheduled import starts now. An occurrence that was already run is idle; one
 * that falls outside the allowed hours waits for the window and then runs once, however many cron
 * occurrences passed meanwhile (the run at the window's start covers them all, because it starts
 * after every one of them).
 */
export function decideScheduledRun(input: ScheduledRunInput): ScheduledRunDecision {
  const { due, lastRunAt, now, allowedHours, timeZone, jitterSeconds = 0 } = input;
  if (!due || due > now) return { action: "idle" };
  if (lastRunAt && lastRunAt >= due) return { action: "idle" };
  if (!allowedHours) return { action: "run" };
  const startAt = plannedRunAt(due, allowedHours, timeZone, jitterSeconds);
  if (startAt > now) return { action: "wait", until: startAt, reason: outsideWindow(allowedHours, timeZone) };
  if (isWithinAllowedHours(allowedHours, now, timeZone)) return { action: "run" };
  // The window opened and closed again without the run (no worker was ticking): the next window.
  return { action: "wait", until: plannedRunAt(now, allowedHours, timeZone, jitterSeconds), reason: outsideWindow(allowedHours, timeZone) };
}

const outsideWindow = (allowedHours: AllowedHours, timeZone: string) =>
  `outside the allowed hours (${describeAllowedHours(allowedHours)}, ${timeZone}); waiting for the window to open`;
