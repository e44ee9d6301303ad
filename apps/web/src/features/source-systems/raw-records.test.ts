import { describe, expect, it } from "vitest";
import { recordSummary } from "./raw-records.ts";

const record = {
  Id: "1001",
  Roepnaam: "Jan",
  Achternaam: "Vries",
  Email: "j.devries@school.example",
  Contracts: [{ Contract: "C1001a", Start: "2019-08-01" }, { Contract: "C1001b", Fte: "0,4" }],
};

describe("recordSummary", () => {
  it("shows the first few short values", () => {
    expect(recordSummary(record)).toBe("1001 · Jan · Vries");
    expect(recordSummary(null)).toBe("");
  });
});
