import { describe, expect, it } from "vitest";
import { describeAllowedHours, isWithinAllowedHours, nextAllowedStart, wallClockAt } from "../../src/index.ts";

const AMSTERDAM = "Europe/Amsterdam";
const night = { from: 23, to: 7 };
const at = (iso: string) => new Date(iso);

describe("isWithinAllowedHours", () => {
  it("allows any moment when there is no window", () => {
    expect(isWithinAllowedHours(undefined, at("2025-01-15T13:05:00Z"), AMSTERDAM)).toBe(true);
  });

  it("wraps a night window over midnight, from inclusive and to exclusive, in local time", () => {
    // Winter: Amsterdam is UTC+1.
    expect(isWithinAllowedHours(night, at("2025-01-15T13:05:00Z"), AMSTERDAM)).toBe(false); // 14:05
    expect(isWithinAllowedHours(night, at("2025-01-15T21:59:59Z"), AMSTERDAM)).toBe(false); // 22:59:59
    expect(isWithinAllowedHours(night, at("2025-01-15T22:00:00Z"), AMSTERDAM)).toBe(true); // 23:00
    expect(isWithinAllowedHours(night, at("2025-01-15T23:30:00Z"), AMSTERDAM)).toBe(true); // 00:30
    expect(isWithinAllowedHours(night, at("2025-01-16T05:59:59Z"), AMSTERDAM)).toBe(true); // 06:59:59
    expect(isWithinAllowedHours(night, at("2025-01-16T06:00:00Z"), AMSTERDAM)).toBe(false); // 07:00
  });

  it("uses summer time in summer", () => {
    // Summer: UTC+2, so 21:00 UTC is 23:00 local and 05:00 UTC is 07:00 local.
    expect(isWithinAllowedHours(night, at("2025-07-01T20:59:00Z"), AMSTERDAM)).toBe(false);
    expect(isWithinAllowedHours(night, at("2025-07-01T21:00:00Z"), AMSTERDAM)).toBe(true);
    expect(isWithinAllowedHours(night, at("2025-07-02T04:59:00Z"), AMSTERDAM)).toBe(true);
    expect(isWithinAllowedHours(night, at("2025-07-02T05:00:00Z"), AMSTERDAM)).toBe(false);
  });

  it("handles a window inside one day, and 24 as midnight", () => {
    const office = { from: 9, to: 17 };
    expect(isWithinAllowedHours(office, at("2025-01-15T07:59:00Z"), AMSTERDAM)).toBe(false);
    expect(isWithinAllowedHours(office, at("2025-01-15T08:00:00Z"), AMSTERDAM)).toBe(true);
    expect(isWithinAllowedHours(office, at("2025-01-15T15:59:00Z"), AMSTERDAM)).toBe(true);
    expect(isWithinAllowedHours(office, at("2025-01-15T16:00:00Z"), AMSTERDAM)).toBe(false);
    const evening = { from: 18, to: 24 };
    expect(isWithinAllowedHours(evening, at("2025-01-15T22:59:00Z"), AMSTERDAM)).toBe(true); // 23:59
    expect(isWithinAllowedHours(evening, at("2025-01-15T23:00:00Z"), AMSTERDAM)).toBe(false); // 00:00
  });

  it("treats a window that ends where it starts as the whole day", () => {
    for (const window of [{ from: 0, to: 24 }, { from: 7, to: 7 }, { from: 24, to: 0 }]) {
      expect(isWithinAllowedHours(window, at("2025-01-15T13:05:00Z"), AMSTERDAM)).toBe(true);
      expect(isWithinAllowedHours(window, at("2025-01-15T23:05:00Z"), AMSTERDAM)).toBe(true);
    }
    expect(describeAllowedHours({ from: 0, to: 24 })).toBe("the whole day");
    expect(describeAllowedHours(night)).toBe("23:00 to 07:00");
  });
});

describe("nextAllowedStart", () => {
  it("is the moment itself inside the window", () => {
    const inside = at("2025-01-15T23:30:00Z");
    expect(nextAllowedStart(night, inside, AMSTERDAM)).toEqual(inside);
    expect(nextAllowedStart(undefined, at("2025-01-15T13:05:00Z"), AMSTERDAM)).toEqual(at("2025-01-15T13:05:00Z"));
  });

  it("is tonight's 23:00 local for an afternoon moment, winter and summer", () => {
    expect(nextAllowedStart(night, at("2025-01-15T13:05:00Z"), AMSTERDAM)).toEqual(at("2025-01-15T22:00:00Z"));
    expect(nextAllowedStart(night, at("2025-07-01T12:05:00Z"), AMSTERDAM)).toEqual(at("2025-07-01T21:00:00Z"));
  });

  it("is the next day's opening for a moment just after the window closed", () => {
    expect(nextAllowedStart({ from: 1, to: 5 }, at("2025-01-15T04:00:00.001Z"), AMSTERDAM)).toEqual(at("2025-01-16T00:00:00Z"));
  });

  it("on the spring-forward day, opens in summer time", () => {
    // 30 March 2025: 02:00 CET becomes 03:00 CEST at 01:00 UTC. The evening window opens at
    // 23:00 CEST, which is 21:00 UTC (not 22:00 as the day before).
    expect(nextAllowedStart(night, at("2025-03-29T13:00:00Z"), AMSTERDAM)).toEqual(at("2025-03-29T22:00:00Z"));
    expect(nextAllowedStart(night, at("2025-03-30T12:00:00Z"), AMSTERDAM)).toEqual(at("2025-03-30T21:00:00Z"));
  });

  it("on the spring-forward day, a window starting at the skipped hour opens when the clock jumps into it", () => {
    // 02:00-04:00 local: the clock goes from 01:59:59 CET straight to 03:00 CEST (01:00 UTC).
    expect(nextAllowedStart({ from: 2, to: 4 }, at("2025-03-29T23:30:00Z"), AMSTERDAM)).toEqual(at("2025-03-30T01:00:00Z"));
    expect(wallClockAt(at("2025-03-30T01:00:00Z"), AMSTERDAM).hour).toBe(3);
  });

  it("skips a day on which a one-hour window does not exist", () => {
    // 02:00-03:00 local never happens on 30 March 2025; the next one is on 31 March, 02:00 CEST.
    expect(nextAllowedStart({ from: 2, to: 3 }, at("2025-03-29T23:30:00Z"), AMSTERDAM)).toEqual(at("2025-03-31T00:00:00Z"));
  });

  it("on the fall-back day, opens at the first of the two 02:00s", () => {
    // 26 October 2025: 03:00 CEST becomes 02:00 CET at 01:00 UTC; 02:00 local happens twice.
    expect(nextAllowedStart({ from: 2, to: 3 }, at("2025-10-25T22:30:00Z"), AMSTERDAM)).toEqual(at("2025-10-26T00:00:00Z"));
    // The second pass through 02:00 (CET) is inside the window too.
    expect(isWithinAllowedHours({ from: 2, to: 3 }, at("2025-10-26T01:30:00Z"), AMSTERDAM)).toBe(true);
    // And the window after the change opens in winter time: 23:00 CET is 22:00 UTC.
    expect(nextAllowedStart(night, at("2025-10-26T12:00:00Z"), AMSTERDAM)).toEqual(at("2025-10-26T22:00:00Z"));
  });

  it("works in time zones with offsets of quarter and half hours", () => {
    // Kathmandu is UTC+5:45: 09:00 local is 03:15 UTC.
    expect(nextAllowedStart({ from: 9, to: 17 }, at("2025-01-15T00:00:00Z"), "Asia/Kathmandu")).toEqual(at("2025-01-15T03:15:00Z"));
    // Adelaide in summer is UTC+10:30: 23:00 local is 12:30 UTC.
    expect(nextAllowedStart(night, at("2025-01-15T02:00:00Z"), "Australia/Adelaide")).toEqual(at("2025-01-15T12:30:00Z"));
  });

  it("opens exactly at the window's first hour, whatever moment it starts looking from", () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 7) {
      const from = new Date(Date.UTC(2025, 0, 15, 7) + minutes * 60_000); // 08:00 local onward
      const opens = nextAllowedStart(night, from, AMSTERDAM);
      expect(isWithinAllowedHours(night, opens, AMSTERDAM)).toBe(true);
      if (opens.getTime() !== from.getTime()) {
        expect(wallClockAt(opens, AMSTERDAM)).toMatchObject({ hour: 23, minute: 0, second: 0 });
        expect(isWithinAllowedHours(night, new Date(opens.getTime() - 1), AMSTERDAM)).toBe(false);
      }
    }
  });
});
