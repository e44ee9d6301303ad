import { z } from "zod";
import { wallClockAt } from "./wall-clock.ts";

/**
 * Local hours in which a source may be pulled: from `from`:00 up to (not including) `to`:00.
 * The window wraps midnight when `from` is later than `to` (23 → 7 is the night); 24 is
 * midnight, and a window that starts where it ends (0 → 24, 7 → 7) is the whole day.
 */
export const AllowedHoursSchema = z.object({
  from: z.number().int().min(0).max(24),
  to: z.number().int().min(0).max(24),
});
export type AllowedHours = z.output<typeof AllowedHoursSchema>;

const HOUR_MS = 3_600_000;
// Every current time zone is offset from UTC by whole quarter hours and changes its offset on a
// quarter hour, so local hours begin on quarter hours of UTC: only those need to be checked.
const QUARTER_HOUR_MS = 15 * 60_000;
// The largest change of offset a time zone makes at once (double summer time once moved two hours).
const LARGEST_OFFSET_CHANGE_HOURS = 2;
const SEARCH_STEPS = 2_000;

const normalised = ({ from, to }: AllowedHours) => ({ from: from % 24, to: to % 24 });

function hourIsAllowed(allowedHours: AllowedHours, hour: number): boolean {
  const { from, to } = normalised(allowedHours);
  if (from === to) return true;
  return from < to ? hour >= from && hour < to : hour >= from || hour < to;
}

/** Whether a run may start at `at`: its local hour in `timeZone` lies inside the window. */
export function isWithinAllowedHours(allowedHours: AllowedHours | undefined, at: Date, timeZone: string): boolean {
  return !allowedHours || hourIsAllowed(allowedHours, wallClockAt(at, timeZone).hour);
}

/**
 * The earliest moment at or after `after` that lies inside the window: `after` itself when it
 * already does, else the moment the window next opens. Follows the time zone's daylight saving
 * time, so a window starting at an hour a spring-forward day skips opens when that day's clock
 * reaches a window hour (02:00 → 04:00 opens at 03:00 summer time).
 */
export function nextAllowedStart(allowedHours: AllowedHours | undefined, after: Date, timeZone: string): Date {
  if (!allowedHours || isWithinAllowedHours(allowedHours, after, timeZone)) return after;
  const { from } = normalised(allowedHours);
  let candidate = Math.ceil(after.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  for (let step = 0; step < SEARCH_STEPS; step++) {
    const hour = wallClockAt(new Date(candidate), timeZone).hour;
    if (hourIsAllowed(allowedHours, hour)) return new Date(candidate);
    // Far from the window, whole hours can be skipped: even a change of offset on the way cannot
    // carry the clock past the window's first hour.
    const hoursToGo = (from - hour + 24) % 24;
    const skippableHours = hoursToGo - LARGEST_OFFSET_CHANGE_HOURS - 1;
    candidate += skippableHours > 0 ? skippableHours * HOUR_MS : QUARTER_HOUR_MS;
  }
  throw new Error(`The allowed hours ${describeAllowedHours(allowedHours)} never occur in time zone ${timeZone}`);
}

const clock = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

/** "23:00 to 07:00", for messages. */
export function describeAllowedHours(allowedHours: AllowedHours): string {
  const { from, to } = normalised(allowedHours);
  return from === to ? "the whole day" : `${clock(from)} to ${clock(to)}`;
}
