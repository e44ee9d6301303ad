import { describe, expect, it } from "vitest";
import { describeSchedule, readScheduleForm, readThresholdForm, writeScheduleForm, writeThresholdForm } from "./safety-forms.ts";

describe("threshold form", () => {
  it("shows the platform's removal and blocked defaults when the source set none", () => {
    expect(readThresholdForm({})).toEqual({
      added: { count: "", percent: "" },
      removed: { count: "1000", percent: "10" },
      blocked: { count: "50", percent: "10" },
    });
  });

  it("writes every kind, an emptied one as no limit", () => {
    const values = readThresholdForm({});
    values.removed = { count: "", percent: "" };
    values.added = { count: "50", percent: "5,5" };
    expect(writeThresholdForm(values)).toEqual({ thresholds: { added: { count: 50, percent: 5.5 }, removed: {}, blocked: { count: 50, percent: 10 } }, errors: {} });
  });

  it("explains numbers it cannot use", () => {
    const values = readThresholdForm({});
    values.blocked = { count: "1.5", percent: "150" };
    expect(writeThresholdForm(values).errors).toEqual({
      "blocked.count": "A whole number of persons, 0 or more",
      "blocked.percent": "A percentage from 0 to 100",
    });
  });
});

describe("schedule form", () => {
  it("turns a schedule off", () => {
    expect(writeScheduleForm({ ...readScheduleForm(null, "Europe/Amsterdam"), enabled: false })).toEqual({ schedule: null, errors: {} });
  });

  it("writes a night-only schedule", () => {
    const values = { ...readScheduleForm(null, "Europe/Amsterdam"), enabled: true, cron: "0 1 * * *", jitterSeconds: "600", windowEnabled: true };
    const { schedule } = writeScheduleForm(values);
    expect(schedule).toEqual({ cron: "0 1 * * *", timeZone: "Europe/Amsterdam", jitterSeconds: 600, allowedHours: { from: 23, to: 7 } });
    expect(describeSchedule(schedule!)).toBe("0 1 * * * (Europe/Amsterdam), only between 23:00 and 07:00");
  });

  it("points at the field to fix", () => {
    const values = { ...readScheduleForm(null, "UTC"), enabled: true, cron: "hourly", jitterSeconds: "", windowEnabled: true, to: "25" };
    expect(Object.keys(writeScheduleForm(values).errors).sort()).toEqual(["cron", "jitterSeconds", "to"]);
  });
});
