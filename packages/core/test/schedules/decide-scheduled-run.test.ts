import { describe, expect, it } from "vitest";
import { decideScheduledRun, ImportScheduleSettingsSchema, plannedRunAt } from "../../src/index.ts";

const timeZone = "Europe/Amsterdam";
const night = { from: 23, to: 7 };
// 15 January 2025, Amsterdam is UTC+1.
const local = (time: string, day = 15) => new Date(`2025-01-${String(day).padStart(2, "0")}T${time}+01:00`);

describe("decideScheduledRun", () => {
  it("is idle without an occurrence", () => {
    expect(decideScheduledRun({ due: null, lastRunAt: null, now: local("14:05"), timeZone })).toEqual({ action: "idle" });
  });

  it("runs an occurrence that never ran, and is idle once it has", () => {
    const due = local("14:00");
    expect(decideScheduledRun({ due, lastRunAt: null, now: local("14:00:30"), timeZone })).toEqual({ action: "run" });
    expect(decideScheduledRun({ due, lastRunAt: local("13:00:10"), now: local("14:00:30"), timeZone })).toEqual({ action: "run" });
    expect(decideScheduledRun({ due, lastRunAt: local("14:00:30"), now: local("14:01:30"), timeZone })).toEqual({ action: "idle" });
  });

  it("waits for the window when the occurrence falls outside it", () => {
    expect(decideScheduledRun({ due: local("14:00"), lastRunAt: null, now: local("14:05"), allowedHours: night, timeZone })).toEqual({
      action: "wait",
      until: local("23:00"),
      reason: "outside the allowed hours (23:00 to 07:00, Europe/Amsterdam); waiting for the window to open",
    });
  });

  it("runs once when the window opens, not once per occurrence missed meanwhile", () => {
    // Hourly: by 23:01 the latest occurrence is 23:00; the 14:00 to 22:00 ones are covered by it.
    expect(decideScheduledRun({ due: local("23:00"), lastRunAt: local("13:00:05"), now: local("23:01"), allowedHours: night, timeZone })).toEqual({ action: "run" });
    expect(decideScheduledRun({ due: local("23:00"), lastRunAt: local("23:01"), now: local("23:02"), allowedHours: night, timeZone })).toEqual({ action: "idle" });
    // Daily at 14:00: the 14:00 occurrence itself runs at 23:00, once.
    expect(decideScheduledRun({ due: local("14:00"), lastRunAt: null, now: local("23:00"), allowedHours: night, timeZone })).toEqual({ action: "run" });
    expect(decideScheduledRun({ due: local("14:00"), lastRunAt: local("23:00"), now: local("23:01"), allowedHours: night, timeZone })).toEqual({ action: "idle" });
  });

  it("runs an occurrence inside the window at its time", () => {
    expect(decideScheduledRun({ due: local("02:00", 16), lastRunAt: null, now: local("02:00:20", 16), allowedHours: night, timeZone })).toEqual({ action: "run" });
  });

  it("starts a waiting run the source's jitter after the window opens", () => {
    const input = { due: local("14:00"), lastRunAt: null, allowedHours: night, timeZone, jitterSeconds: 120 };
    expect(plannedRunAt(input.due, night, timeZone, 120)).toEqual(local("23:02"));
    expect(decideScheduledRun({ ...input, now: local("23:01") })).toMatchObject({ action: "wait", until: local("23:02") });
    expect(decideScheduledRun({ ...input, now: local("23:02") })).toEqual({ action: "run" });
  });

  it("waits for the next window when the last one passed without a run", () => {
    // Nothing ran overnight (no worker): at 09:00 the next chance is tonight.
    expect(decideScheduledRun({ due: local("14:00"), lastRunAt: null, now: local("09:00", 16), allowedHours: night, timeZone })).toMatchObject({
      action: "wait",
      until: local("23:00", 16),
    });
  });
});

describe("ImportScheduleSettingsSchema", () => {
  it("fills in the defaults", () => {
    expect(ImportScheduleSettingsSchema.parse({ cron: "0 * * * *" })).toEqual({ cron: "0 * * * *", timeZone: "Europe/Amsterdam", jitterSeconds: 0 });
  });

  it("refuses a time zone the runtime does not know", () => {
    const result = ImportScheduleSettingsSchema.safeParse({ cron: "0 * * * *", timeZone: "Mars/Olympus_Mons" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/not a time zone this server knows/);
  });
});
