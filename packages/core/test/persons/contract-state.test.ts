import { describe, expect, it } from "vitest";
import { contractState } from "../../src/index.ts";

const today = "2025-03-15";

describe("contractState", () => {
  it("is active between start and end, both inclusive", () => {
    expect(contractState({ StartDate: "2024-08-01", EndDate: "2025-07-31" }, today)).toBe("active");
    expect(contractState({ StartDate: today, EndDate: "2025-07-31" }, today)).toBe("active");
    expect(contractState({ StartDate: "2024-08-01", EndDate: today }, today)).toBe("active");
    expect(contractState({ StartDate: today, EndDate: today }, today)).toBe("active");
  });

  it("is future when it starts after today", () => {
    expect(contractState({ StartDate: "2025-03-16", EndDate: null }, today)).toBe("future");
    expect(contractState({ StartDate: "2026-01-01", EndDate: "2026-12-31" }, today)).toBe("future");
  });

  it("is expired when it ended before today", () => {
    expect(contractState({ StartDate: "2024-01-01", EndDate: "2025-03-14" }, today)).toBe("expired");
    expect(contractState({ EndDate: "2020-01-01" }, today)).toBe("expired");
  });

  it("treats a missing end date as open ended and a missing start date as started", () => {
    expect(contractState({ StartDate: "2000-01-01", EndDate: null }, today)).toBe("active");
    expect(contractState({ StartDate: "2000-01-01" }, today)).toBe("active");
    expect(contractState({ StartDate: null, EndDate: "2030-01-01" }, today)).toBe("active");
    expect(contractState({}, today)).toBe("active");
  });

  it("never activates a contract that ends before it starts", () => {
    expect(contractState({ StartDate: "2025-04-01", EndDate: "2025-03-01" }, today)).toBe("expired");
    expect(contractState({ StartDate: "2025-03-20", EndDate: "2025-03-10" }, today)).toBe("expired");
  });

  it("compares across month and year boundaries", () => {
    expect(contractState({ StartDate: "2025-01-01" }, "2024-12-31")).toBe("future");
    expect(contractState({ EndDate: "2024-12-31" }, "2025-01-01")).toBe("expired");
  });

  it("refuses a malformed today", () => {
    expect(() => contractState({}, "15-03-2025")).toThrow(/today must be a date as YYYY-MM-DD/);
    expect(() => contractState({}, "2025-02-30")).toThrow(TypeError);
  });
});
