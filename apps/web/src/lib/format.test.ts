import { describe, expect, it } from "vitest";
import { initials } from "./format.ts";

describe("initials", () => {
  it("takes the first and last name", () => {
    expect(initials("Ada King Lovelace")).toBe("AL");
  });
  it("copes with one name and stray spaces", () => {
    expect(initials("  ada ")).toBe("A");
    expect(initials("")).toBe("?");
  });
});
