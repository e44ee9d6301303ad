import { describe, expect, it } from "vitest";
import {
  AggregationSettingsSchema,
  decideAggregation,
  normaliseAggregationValue,
  normaliseText,
  similarity,
} from "../../src/index.ts";

describe("normaliseText", () => {
  it("lowers case, removes accents and collapses whitespace", () => {
    expect(normaliseText("  Zoë   Ünal ")).toBe("zoe unal");
    expect(normaliseText("Çelik\tÖztürk")).toBe("celik ozturk");
    expect(normaliseText("Søren Łukasz Straße")).toBe("soren lukasz strasse");
    expect(normaliseText("")).toBe("");
  });
});

describe("normaliseAggregationValue", () => {
  it("builds birth date + family name values", () => {
    expect(normaliseAggregationValue("1980-05-17", "de Vries")).toBe("1980-05-17|devries");
    expect(normaliseAggregationValue("1980-05-17", " De  VRIES ")).toBe("1980-05-17|devries");
    expect(normaliseAggregationValue("1975-01-02", "d'Hondt")).toBe("1975-01-02|dhondt");
    expect(normaliseAggregationValue("1990-12-01", "Van den Berg-Jansen")).toBe("1990-12-01|vandenberg-jansen");
    expect(normaliseAggregationValue(123456, "Müller")).toBe("123456|muller");
  });

  it("is empty when any part is missing, so it never matches", () => {
    expect(normaliseAggregationValue(null, "de Vries")).toBe("");
    expect(normaliseAggregationValue("1980-05-17", undefined)).toBe("");
    expect(normaliseAggregationValue("1980-05-17", "  ")).toBe("");
    expect(normaliseAggregationValue()).toBe("");
  });
});

describe("similarity", () => {
  it("is 100 only for equal normalised values", () => {
    expect(similarity("1980-05-17|devries", "1980-05-17|devries")).toBe(100);
    expect(similarity("José  García", "jose garcia")).toBe(100);
    const long = "x".repeat(5000);
    expect(similarity(long, `${long}y`)).toBeLessThan(100);
    expect(similarity(long, `${long}y`)).toBe(99.9);
  });

  it("scores one typo in a birth date + name value at about 95", () => {
    expect(similarity("1980-05-17|devries", "1980-05-17|devriess")).toBe(94.7);
    expect(similarity("1980-05-17|devries", "1980-05-71|devries")).toBe(88.8);
  });

  it("is 0 for empty values and for entirely different ones", () => {
    expect(similarity("", "")).toBe(0);
    expect(similarity("   ", "abc")).toBe(0);
    expect(similarity("abc", "")).toBe(0);
    expect(similarity("abc", "xyz")).toBe(0);
  });

  it("is symmetric", () => {
    expect(similarity("jansen", "janssen")).toBe(similarity("janssen", "jansen"));
  });
});

describe("decideAggregation", () => {
  const value = "1980-05-17|devries";

  it("merges on an exact single match", () => {
    expect(decideAggregation(value, [{ personId: "p1", value }, { personId: "p2", value: "1971-01-01|bakker" }])).toEqual({
      kind: "merge",
      personId: "p1",
    });
  });

  it("suggests a close match instead of merging", () => {
    expect(decideAggregation(value, [{ personId: "p1", value: "1980-05-17|devriess" }])).toEqual({
      kind: "suggest",
      candidates: [{ personId: "p1", score: 94.7 }],
    });
  });

  it("suggests when an exact match has a close rival", () => {
    const decision = decideAggregation(value, [
      { personId: "close", value: "1980-05-17|devriess" },
      { personId: "exact", value },
    ]);
    expect(decision).toEqual({
      kind: "suggest",
      candidates: [
        { personId: "exact", score: 100 },
        { personId: "close", score: 94.7 },
      ],
    });
  });

  it("always suggests with several exact matches, ordered by personId on ties", () => {
    const decision = decideAggregation(value, [{ personId: "b", value }, { personId: "a", value }]);
    expect(decision).toEqual({ kind: "suggest", candidates: [{ personId: "a", score: 100 }, { personId: "b", score: 100 }] });
  });

  it("counts a person listed twice once, with the best score", () => {
    const decision = decideAggregation(value, [
      { personId: "p1", value: "1980-05-17|devriess" },
      { personId: "p1", value },
    ]);
    expect(decision).toEqual({ kind: "merge", personId: "p1" });
  });

  it("finds nothing below the suggestion threshold, or for empty values", () => {
    expect(decideAggregation(value, [{ personId: "p1", value: "1980-05-71|devries" }])).toEqual({ kind: "none" });
    expect(decideAggregation(value, [])).toEqual({ kind: "none" });
    expect(decideAggregation("", [{ personId: "p1", value: "" }])).toEqual({ kind: "none" });
    expect(decideAggregation("  ", [{ personId: "p1", value: "  " }])).toEqual({ kind: "none" });
    expect(decideAggregation(null, [{ personId: "p1", value }])).toEqual({ kind: "none" });
    expect(decideAggregation(value, [{ personId: "p1", value: "" }], { suggestAt: 0.1 })).toEqual({ kind: "none" });
  });

  it("uses the thresholds exactly at their boundary", () => {
    const candidates = [{ personId: "p1", value: "1980-05-17|devriess" }];
    expect(decideAggregation(value, candidates, { suggestAt: 94.7 }).kind).toBe("suggest");
    expect(decideAggregation(value, candidates, { suggestAt: 94.8 }).kind).toBe("none");
    expect(decideAggregation(value, candidates, { suggestAt: 90, automaticAt: 94.7 })).toEqual({ kind: "merge", personId: "p1" });
  });

  it("refuses inconsistent settings", () => {
    expect(() => decideAggregation(value, [], { suggestAt: 95, automaticAt: 90 })).toThrow(/suggestion threshold/);
    expect(AggregationSettingsSchema.safeParse({ suggestAt: 0, automaticAt: 100 }).success).toBe(false);
    expect(AggregationSettingsSchema.safeParse({ suggestAt: 90, automaticAt: 101 }).success).toBe(false);
  });
});
