import { z } from "zod";
import { AllowedHoursSchema } from "./allowed-hours.ts";
import { isValidTimeZone } from "./wall-clock.ts";

export const DEFAULT_SCHEDULE_TIME_ZONE = "Europe/Amsterdam";

/**
 * How the worker reads a source system's stored schedule. The API validates what it stores with
 * importScheduleSchema in @idlife/contracts (the same shape); reading is lenient about extra
 * fields but refuses a time zone this runtime does not know, so such a schedule is reported
 * rather than run at a wrong hour.
 */
export const ImportScheduleSettingsSchema = z.object({
  cron: z.string().trim().min(1).max(100),
  timeZone: z.string().refine(isValidTimeZone, { error: "is not a time zone this server knows (use an IANA name such as Europe/Amsterdam)" }).default(DEFAULT_SCHEDULE_TIME_ZONE),
  jitterSeconds: z.number().int().min(0).max(3600).default(0),
  allowedHours: AllowedHoursSchema.optional(),
});
export type ImportScheduleSettings = z.output<typeof ImportScheduleSettingsSchema>;
