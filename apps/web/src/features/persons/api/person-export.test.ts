import { describe, expect, it } from "vitest";
import { defaultCsvSeparator } from "./person-export.ts";

describe("the CSV separator the export offers first", () => {
  it("is a semicolon for a Dutch browser (Excel in Dutch splits on it), a comma otherwise", () => {
    expect(defaultCsvSeparator(["nl-NL", "en"])).toBe(";");
    expect(defaultCsvSeparator(["nl"])).toBe(";");
    expect(defaultCsvSeparator(["en-GB", "nl-NL"])).toBe(",");
    expect(defaultCsvSeparator([])).toBe(",");
  });
});
