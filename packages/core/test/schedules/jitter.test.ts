import { describe, expect, it } from "vitest";
import { jitterFor } from "../../src/index.ts";

const ids = Array.from({ length: 500 }, (_, index) => `0b7a1c2e-4d5f-4a6b-8c7d-${String(index).padStart(12, "0")}`);

describe("jitterFor", () => {
  it("is the same for the same source every time", () => {
    expect(jitterFor("c0ffee00-0000-4000-8000-000000000001", 600)).toBe(jitterFor("c0ffee00-0000-4000-8000-000000000001", 600));
    expect(ids.map((id) => jitterFor(id, 900))).toEqual(ids.map((id) => jitterFor(id, 900)));
  });

  it("is a whole number of seconds from 0 up to the jitter window", () => {
    for (const id of ids) {
      const jitter = jitterFor(id, 300);
      expect(Number.isInteger(jitter)).toBe(true);
      expect(jitter).toBeGreaterThanOrEqual(0);
      expect(jitter).toBeLessThanOrEqual(300);
    }
  });

  it("spreads sources over the window instead of starting them together", () => {
    const jitters = ids.map((id) => jitterFor(id, 3600));
    expect(new Set(jitters).size).toBeGreaterThan(400);
    // Each quarter of the window gets a fair share.
    for (let quarter = 0; quarter < 4; quarter++) {
      const inQuarter = jitters.filter((jitter) => Math.floor(jitter / 900.25) === quarter).length;
      expect(inQuarter).toBeGreaterThan(80);
    }
  });

  it("is 0 without a jitter window", () => {
    expect(jitterFor(ids[0]!, 0)).toBe(0);
    expect(jitterFor(ids[1]!, -5)).toBe(0);
  });
});
