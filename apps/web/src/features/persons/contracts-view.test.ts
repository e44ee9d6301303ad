import { describe, expect, it } from "vitest";
import { contractViews, describeContract } from "./contracts-view.ts";

const person = {
  PrimaryContract: { ExternalId: "C2" },
  Contracts: [
    { ExternalId: "C1", StartDate: "2019-08-01", EndDate: "2020-07-31", Title: { Name: "Invalkracht" } },
    { ExternalId: "C3", StartDate: "2027-01-01", EndDate: null },
    { ExternalId: "C2", StartDate: "2020-08-01", EndDate: null, Title: { Name: "Leerkracht" }, Department: { DisplayName: "De Regenboog" } },
    { ExternalId: "C4", StartDate: "2021-01-01", EndDate: "2026-11-22" },
  ],
};

describe("contractViews", () => {
  it("marks the state on today and the primary contract, primary first", () => {
    const views = contractViews(person, "2026-11-22");
    expect(views.map((view) => [view.contract.ExternalId, view.state, view.primary])).toEqual([
      ["C2", "active", true],
      ["C4", "active", false],
      ["C3", "future", false],
      ["C1", "expired", false],
    ]);
  });

  it("copes with a person without contracts", () => {
    expect(contractViews({}, "2026-11-22")).toEqual([]);
  });
});

describe("describeContract", () => {
  it("names the function and department, or falls back to the id", () => {
    expect(describeContract(person.Contracts[2]!)).toBe("Leerkracht · De Regenboog");
    expect(describeContract({ ExternalId: "C3" })).toBe("C3");
  });
});
