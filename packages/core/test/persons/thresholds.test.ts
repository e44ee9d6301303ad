import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, evaluateThresholds, ThresholdSettingsSchema } from "../../src/index.ts";

const counts = (previousCount: number, added = 0, removed = 0, blocked = 0) => ({ previousCount, added, removed, blocked });

describe("evaluateThresholds", () => {
  it("blocks a feed that drops 40% against a 10% removal limit, with a readable reason", () => {
    const result = evaluateThresholds(counts(10_000, 0, 4_000), { removed: { percent: 10 } });
    expect(result.exceeded).toBe(true);
    expect(result.reasons).toEqual([
      {
        kind: "removed",
        limitType: "percent",
        actual: 4000,
        actualPercent: 40,
        limit: 10,
        message: "4,000 persons would be removed (40% of 10,000); the limit is 10%",
      },
    ]);
  });

  it("blocks exactly at a percentage limit and passes just below it", () => {
    const settings = { removed: { percent: 10 } };
    expect(evaluateThresholds(counts(10_000, 0, 1_000), settings).exceeded).toBe(true);
    expect(evaluateThresholds(counts(10_000, 0, 999), settings).exceeded).toBe(false);
    // 7/100*100 is 7.000000000000001 in floating point; the limit must still be met exactly.
    expect(evaluateThresholds(counts(100, 0, 7), { removed: { percent: 7 } }).exceeded).toBe(true);
    expect(evaluateThresholds(counts(100, 0, 6), { removed: { percent: 7 } }).exceeded).toBe(false);
  });

  it("blocks exactly at a count limit and passes just below it", () => {
    const settings = { added: { count: 50 } };
    expect(evaluateThresholds(counts(1_000, 50), settings).reasons).toEqual([
      expect.objectContaining({ kind: "added", limitType: "count", actual: 50, limit: 50, message: "50 persons would be added (5% of 1,000); the limit is 50 persons" }),
    ]);
    expect(evaluateThresholds(counts(1_000, 49), settings).exceeded).toBe(false);
  });

  it("blocks when either the count or the percentage is reached, reporting each", () => {
    const settings = { removed: { count: 100, percent: 50 } };
    expect(evaluateThresholds(counts(10_000, 0, 100), settings).reasons.map((r) => r.limitType)).toEqual(["count"]);
    expect(evaluateThresholds(counts(100, 0, 50), settings).reasons.map((r) => r.limitType)).toEqual(["percent"]);
    expect(evaluateThresholds(counts(150, 0, 100), settings).reasons.map((r) => r.limitType)).toEqual(["percent", "count"]);
  });

  it("checks added, removed and blocked independently, in that order", () => {
    const settings = { added: { percent: 5 }, removed: { percent: 5 }, blocked: { count: 1 } };
    const result = evaluateThresholds(counts(200, 10, 10, 1), settings);
    expect(result.reasons.map((r) => r.message)).toEqual([
      "10 persons would be added (5% of 200); the limit is 5%",
      "10 persons would be removed (5% of 200); the limit is 5%",
      "1 person is blocked by the mapping (0.5% of 200); the limit is 1 person",
    ]);
  });

  it("treats a limit of 0 as 'any at all' and never blocks when nothing happens", () => {
    const settings = { removed: { count: 0, percent: 0 } };
    expect(evaluateThresholds(counts(100, 5, 0, 5), settings).exceeded).toBe(false);
    expect(evaluateThresholds(counts(100, 0, 1), settings).reasons).toHaveLength(2);
  });

  it("ignores percentages on the first import but still applies counts", () => {
    const settings = { added: { percent: 10, count: 5_000 }, removed: { percent: 10 }, blocked: { percent: 1 } };
    expect(evaluateThresholds(counts(0, 2_100, 0, 40), settings)).toEqual({ exceeded: false, reasons: [] });
    const tooMany = evaluateThresholds(counts(0, 18_000), settings);
    expect(tooMany.reasons).toEqual([
      {
        kind: "added",
        limitType: "count",
        actual: 18000,
        actualPercent: null,
        limit: 5000,
        message: "18,000 persons would be added (first import); the limit is 5,000 persons",
      },
    ]);
  });

  it("formats fractional percentages", () => {
    const result = evaluateThresholds(counts(3_000, 0, 0, 50), { blocked: { percent: 1.5 } });
    expect(result.reasons[0]?.message).toBe("50 persons are blocked by the mapping (1.67% of 3,000); the limit is 1.5%");
  });

  it("passes when no thresholds are set", () => {
    expect(evaluateThresholds(counts(10, 10, 10, 10), {})).toEqual({ exceeded: false, reasons: [] });
  });
});

describe("default thresholds", () => {
  it("guard removal and blocked persons", () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ removed: { count: 1000, percent: 10 }, blocked: { count: 50, percent: 10 } });
    expect(ThresholdSettingsSchema.parse(DEFAULT_THRESHOLDS)).toEqual(DEFAULT_THRESHOLDS);
  });

  it("catch a feed that drops 10% of a school board, and a thousand persons of a large tenant", () => {
    expect(evaluateThresholds(counts(18_000, 0, 1_800), DEFAULT_THRESHOLDS).exceeded).toBe(true);
    expect(evaluateThresholds(counts(100_000, 0, 1_000), DEFAULT_THRESHOLDS).exceeded).toBe(true);
    expect(evaluateThresholds(counts(18_000, 300, 25, 12), DEFAULT_THRESHOLDS).exceeded).toBe(false);
  });

  it("let a new source system import everyone", () => {
    expect(evaluateThresholds(counts(0, 100_000), DEFAULT_THRESHOLDS).exceeded).toBe(false);
  });

  it("hold an import whose mapping blocks a tenth of the delivery, also a first one", () => {
    const everyone = evaluateThresholds({ ...counts(0, 0, 0, 40), delivered: 40 }, DEFAULT_THRESHOLDS);
    expect(everyone.reasons.map((reason) => reason.message)).toEqual(["40 persons are blocked by the mapping (100% of 40 delivered); the limit is 10%"]);
    expect(evaluateThresholds({ ...counts(0, 58, 0, 2), delivered: 60 }, DEFAULT_THRESHOLDS).exceeded).toBe(false);
    expect(evaluateThresholds({ ...counts(100_000, 0, 0, 50), delivered: 100_000 }, DEFAULT_THRESHOLDS).reasons.map((reason) => reason.limitType)).toEqual(["count"]);
  });
});

describe("threshold settings schema", () => {
  it("rejects negative, fractional counts, percentages above 100 and unknown kinds", () => {
    expect(ThresholdSettingsSchema.safeParse({ removed: { count: -1 } }).success).toBe(false);
    expect(ThresholdSettingsSchema.safeParse({ removed: { count: 1.5 } }).success).toBe(false);
    expect(ThresholdSettingsSchema.safeParse({ removed: { percent: 101 } }).success).toBe(false);
    expect(ThresholdSettingsSchema.safeParse({ deleted: { count: 1 } }).success).toBe(false);
    expect(ThresholdSettingsSchema.safeParse({ added: {}, blocked: { percent: 2.5 } }).success).toBe(true);
  });
});
