import { CronExpressionParser } from "cron-parser";

export interface CronOccurrences {
  /** The latest occurrence at or before the moment asked about. */
  latest: Date;
  /** The first occurrence after it. */
  next: Date;
}

/**
 * The occurrences of a cron expression around `at`, read on the clock of `timeZone` (so "0 2 * * *"
 * is 02:00 Amsterdam time in winter and in summer). Throws on an expression that cannot be parsed
 * or that never occurs.
 */
export function cronOccurrencesAround(cron: string, timeZone: string, at: Date): CronOccurrences {
  // prev() looks strictly before its start: start a millisecond later to include `at` itself.
  const latest = CronExpressionParser.parse(cron, { currentDate: new Date(at.getTime() + 1), tz: timeZone }).prev().toDate();
  const next = CronExpressionParser.parse(cron, { currentDate: at, tz: timeZone }).next().toDate();
  return { latest, next };
}
