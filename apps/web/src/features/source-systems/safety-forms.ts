import { importScheduleSchema, thresholdSettingsSchema, type ImportSchedule, type SourceSystem } from "@idlife/contracts";
import { DEFAULT_THRESHOLDS } from "../../lib/idlife-core.ts";

/* ---------- Thresholds ---------- */

export const thresholdKinds = ["added", "removed", "blocked"] as const;
export type ThresholdKind = (typeof thresholdKinds)[number];
type Thresholds = SourceSystem["thresholds"];

export type ThresholdFormValues = Record<ThresholdKind, { count: string; percent: string }>;

/**
 * The form shows the limits that apply. A source that never set a removal limit is guarded by
 * the platform's default (the worker applies DEFAULT_THRESHOLDS under the source's own), so the
 * form shows that default rather than empty fields that would suggest "not guarded".
 */
export function readThresholdForm(thresholds: Thresholds): ThresholdFormValues {
  const values = {} as ThresholdFormValues;
  for (const kind of thresholdKinds) {
    const limit = thresholds[kind] ?? DEFAULT_THRESHOLDS[kind] ?? {};
    values[kind] = { count: limit.count?.toString() ?? "", percent: limit.percent?.toString() ?? "" };
  }
  return values;
}

export type ThresholdErrors = Partial<Record<`${ThresholdKind}.${"count" | "percent"}`, string>>;

/**
 * Every kind is written out, an empty one as {}: leaving "removed" out would bring the default
 * back, so clearing both fields must be stored as "no limit".
 */
export function writeThresholdForm(values: ThresholdFormValues): { thresholds?: Thresholds; errors: ThresholdErrors } {
  const errors: ThresholdErrors = {};
  const thresholds: Thresholds = {};
  for (const kind of thresholdKinds) {
    const limit: { count?: number; percent?: number } = {};
    const count = values[kind].count.trim();
    const percent = values[kind].percent.trim().replace(",", ".");
    if (count !== "") {
      const number = Number(count);
      if (!Number.isInteger(number) || number < 0) errors[`${kind}.count`] = "A whole number of persons, 0 or more";
      else limit.count = number;
    }
    if (percent !== "") {
      const number = Number(percent);
      if (!Number.isFinite(number) || number < 0 || number > 100) errors[`${kind}.percent`] = "A percentage from 0 to 100";
      else limit.percent = number;
    }
    thresholds[kind] = limit;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { thresholds: thresholdSettingsSchema.parse(thresholds), errors };
}

/* ---------- Schedule ---------- */

export interface ScheduleFormValues {
  enabled: boolean;
  cron: string;
  timeZone: string;
  jitterSeconds: string;
  windowEnabled: boolean;
  from: string;
  to: string;
}

export type ScheduleErrors = Partial<Record<"cron" | "timeZone" | "jitterSeconds" | "from" | "to", string>>;

export function readScheduleForm(schedule: ImportSchedule | null, tenantTimeZone: string): ScheduleFormValues {
  return {
    enabled: schedule !== null,
    cron: schedule?.cron ?? "0 6 * * *",
    timeZone: schedule?.timeZone ?? tenantTimeZone,
    jitterSeconds: String(schedule?.jitterSeconds ?? 0),
    windowEnabled: schedule?.allowedHours !== undefined,
    from: String(schedule?.allowedHours?.from ?? 23),
    to: String(schedule?.allowedHours?.to ?? 7),
  };
}

const scheduleMessages: Record<string, string> = {
  cron: "Write a cron expression with five fields, such as 0 6 * * * (every day at 06:00)",
  timeZone: "Choose a time zone",
  jitterSeconds: "Seconds from 0 to 3600",
  from: "An hour from 0 to 24",
  to: "An hour from 0 to 24",
};

/** Checked with the API's own schema; null means "no schedule" (imports only when started). */
export function writeScheduleForm(values: ScheduleFormValues): { schedule?: ImportSchedule | null; errors: ScheduleErrors } {
  if (!values.enabled) return { schedule: null, errors: {} };
  const toNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
  const candidate = {
    cron: values.cron.trim(),
    timeZone: values.timeZone,
    jitterSeconds: toNumber(values.jitterSeconds),
    ...(values.windowEnabled ? { allowedHours: { from: toNumber(values.from), to: toNumber(values.to) } } : {}),
  };
  const parsed = importScheduleSchema.safeParse(candidate);
  if (parsed.success) return { schedule: parsed.data, errors: {} };
  const errors: ScheduleErrors = {};
  for (const issue of parsed.error.issues) {
    const field = (issue.path[0] === "allowedHours" ? issue.path[1] : issue.path[0]) as keyof ScheduleErrors;
    if (field in scheduleMessages && !errors[field]) errors[field] = scheduleMessages[field];
  }
  return { errors };
}

/** "Every day at 06:00"-style summary is left to cron readers; this says when imports may run. */
export function describeSchedule(schedule: ImportSchedule | null): string {
  if (!schedule) return "Only when started by hand or through the API";
  const window = schedule.allowedHours ? `, only between ${pad(schedule.allowedHours.from)}:00 and ${pad(schedule.allowedHours.to)}:00` : "";
  return `${schedule.cron} (${schedule.timeZone})${window}`;
}

const pad = (hour: number) => String(hour).padStart(2, "0");
