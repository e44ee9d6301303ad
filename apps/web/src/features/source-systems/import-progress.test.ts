import { describe, expect, it } from "vitest";
import { describeProgress, readThresholdReport } from "./import-progress.ts";

describe("describeProgress", () => {
  it("says what a running import is doing", () => {
    expect(describeProgress({ status: "queued", progress: {} }).label).toBe("Waiting for the worker");
    expect(describeProgress({ status: "running", progress: { phase: "fetching", records: 12000 } }).label).toMatch(/^Fetching 12.000 records$/);
    expect(describeProgress({ status: "running", progress: { phase: "fetching", records: 0 } }).label).toBe("Fetching records");
    expect(describeProgress({ status: "running", progress: { phase: "snapshot" } }).label).toBe("Deciding persons (snapshot)");
  });

  it("gives the mapping phase a determinate bar", () => {
    const view = describeProgress({ status: "running", progress: { phase: "mapping", done: 5000, total: 18000 } });
    expect(view).toMatchObject({ value: 5000, max: 18000 });
    expect(view.label).toMatch(/^Mapping 5.000 \/ 18.000$/);
  });

  it("copes with progress it does not know", () => {
    expect(describeProgress({ status: "running", progress: { phase: 3 } }).label).toBe("Starting");
  });
});

describe("readThresholdReport", () => {
  it("reads a blocked import's report and ignores a malformed one", () => {
    const report = readThresholdReport({
      thresholdReport: {
        reasons: [{ kind: "removed", limitType: "percent", actual: 8, actualPercent: 40, limit: 10, message: "8 persons would be removed (40% of 20); the limit is 10%" }],
        wouldRemove: { count: 8, sample: ["2012"] },
        blocked: { count: 0, sample: [] },
      },
    });
    expect(report?.reasons[0]?.message).toContain("40%");
    expect(report?.wouldRemove).toEqual({ count: 8, sample: ["2012"] });
    expect(readThresholdReport({ thresholdReport: null })).toBeUndefined();
    expect(readThresholdReport({ thresholdReport: "nonsense" })).toBeUndefined();
  });
});
