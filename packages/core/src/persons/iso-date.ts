import { z } from "zod";

/**
 * Calendar dates travel as "YYYY-MM-DD" strings, never as Date objects: a contract that ends on
 * 31 July ends on that day in the tenant's own time zone, and a Date would silently shift it.
 * Plain strings in this format also compare correctly with < and >.
 */
export const IsoDateSchema = z.iso.date({ error: "expected a date as YYYY-MM-DD" });

export type IsoDate = string;

export function isIsoDate(value: unknown): value is IsoDate {
  return IsoDateSchema.safeParse(value).success;
}

/** "today" is always handed in by the caller; a malformed one is a programming error, not data. */
export function assertIsoDate(value: string, name: string): void {
  if (!isIsoDate(value)) {
    throw new TypeError(`${name} must be a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
}

/** The date `days` days after (negative: before) a date, on the calendar (no time zone involved). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Today's date on a time zone's calendar (a tenant's "today"). */
export function todayInTimeZone(timeZone: string, now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
