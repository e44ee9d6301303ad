import { describe, expect, it } from "vitest";
import { displayValue, formatBytes, formatDuration, humanizeFieldName, initials, todayIn } from "./format.ts";

describe("initials", () => {
  it("takes the first and last name", () => {
    expect(initials("Ada King Lovelace")).toBe("AL");
  });
  it("copes with one name and stray spaces", () => {
    expect(initials("  ada ")).toBe("A");
    expect(initials("")).toBe("?");
  });
});

describe("todayIn", () => {
  it("is the calendar date in the given time zone, not in UTC", () => {
    const lateEveningUtc = new Date("2026-07-31T22:30:00Z");
    expect(todayIn("UTC", lateEveningUtc)).toBe("2026-07-31");
    expect(todayIn("Europe/Amsterdam", lateEveningUtc)).toBe("2026-08-01");
  });
});

describe("humanizeFieldName", () => {
  it("splits camel case into a sentence", () => {
    expect(humanizeFieldName("FamilyNamePartnerPrefix")).toBe("Family name partner prefix");
    expect(humanizeFieldName("ExternalId")).toBe("External id");
    expect(humanizeFieldName("Fte")).toBe("Fte");
  });
});

describe("small formatters", () => {
  it("formats sizes, durations and values", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2.0 KB");
    expect(formatDuration("2026-01-01T10:00:00Z", "2026-01-01T10:00:01.500Z")).toBe("1.5 s");
    expect(formatDuration("2026-01-01T10:00:00Z", "2026-01-01T10:03:04Z")).toBe("3 min 4 s");
    expect(displayValue(null)).toBe("");
    expect(displayValue(true)).toBe("Yes");
    expect(displayValue(0.8)).toBe("0.8");
  });
});
