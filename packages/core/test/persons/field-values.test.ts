import { describe, expect, it } from "vitest";
import { toFieldValue } from "../../src/index.ts";

const ok = (value: unknown) => ({ ok: true, value });

describe("toFieldValue", () => {
  it("treats undefined, null and empty text as no value", () => {
    for (const kind of ["text", "number", "boolean", "date", "convention", "custom"] as const) {
      expect(toFieldValue(kind, undefined)).toEqual(ok(null));
      expect(toFieldValue(kind, null)).toEqual(ok(null));
      expect(toFieldValue(kind, "  ")).toEqual(ok(null));
    }
  });

  it("trims text and turns numbers and booleans into text", () => {
    expect(toFieldValue("text", "  Jansen ")).toEqual(ok("Jansen"));
    expect(toFieldValue("text", 1001)).toEqual(ok("1001"));
    expect(toFieldValue("text", true)).toEqual(ok("true"));
    expect(toFieldValue("text", { a: 1 })).toEqual({ ok: false, message: "expected text, got an object" });
    expect(toFieldValue("text", ["a"])).toEqual({ ok: false, message: "expected text, got a list" });
    expect(toFieldValue("text", Number.NaN)).toEqual({ ok: false, message: "expected text, got NaN" });
  });

  it("reads numbers, including a Dutch decimal comma", () => {
    expect(toFieldValue("number", 0.8)).toEqual(ok(0.8));
    expect(toFieldValue("number", "0.8")).toEqual(ok(0.8));
    expect(toFieldValue("number", "0,8")).toEqual(ok(0.8));
    expect(toFieldValue("number", " 36 ")).toEqual(ok(36));
    expect(toFieldValue("number", "-2")).toEqual(ok(-2));
    expect(toFieldValue("number", ".5")).toEqual(ok(0.5));
    expect(toFieldValue("number", "1,000.5")).toEqual({ ok: false, message: 'expected a number, got "1,000.5"' });
    expect(toFieldValue("number", "abc")).toEqual({ ok: false, message: 'expected a number, got "abc"' });
    expect(toFieldValue("number", "1e3")).toMatchObject({ ok: false });
    expect(toFieldValue("number", Infinity)).toMatchObject({ ok: false });
    expect(toFieldValue("number", true)).toMatchObject({ ok: false });
  });

  it("reads booleans from common words", () => {
    for (const yes of [true, 1, "true", "TRUE", "yes", "Ja", "1"]) expect(toFieldValue("boolean", yes)).toEqual(ok(true));
    for (const no of [false, 0, "false", "no", "nee", "0"]) expect(toFieldValue("boolean", no)).toEqual(ok(false));
    expect(toFieldValue("boolean", "maybe")).toEqual({ ok: false, message: 'expected true or false, got "maybe"' });
    expect(toFieldValue("boolean", 2)).toMatchObject({ ok: false });
  });

  it("reads ISO dates and zone-less date-times, nothing else", () => {
    expect(toFieldValue("date", "2024-08-01")).toEqual(ok("2024-08-01"));
    expect(toFieldValue("date", "2024-08-01T00:00:00")).toEqual(ok("2024-08-01"));
    expect(toFieldValue("date", "2024-08-01T13:45")).toEqual(ok("2024-08-01"));
    expect(toFieldValue("date", "2024-08-01T00:00:00.000")).toEqual(ok("2024-08-01"));
    const hint = "; return the date as a YYYY-MM-DD string, with a complex mapping if needed";
    expect(toFieldValue("date", "2024-07-31T22:00:00Z")).toEqual({ ok: false, message: `expected a date as YYYY-MM-DD, got "2024-07-31T22:00:00Z"${hint}` });
    expect(toFieldValue("date", "17-05-1980")).toMatchObject({ ok: false });
    expect(toFieldValue("date", "2023-02-29")).toMatchObject({ ok: false });
    expect(toFieldValue("date", new Date())).toEqual({ ok: false, message: `expected a date as YYYY-MM-DD, got a Date object${hint}` });
  });

  it("reads name conventions in any case", () => {
    expect(toFieldValue("convention", " bp ")).toEqual(ok("BP"));
    expect(toFieldValue("convention", "X")).toEqual({ ok: false, message: 'expected one of B, P, BP, PB, got "X"' });
  });

  it("keeps custom scalars and refuses structures", () => {
    expect(toFieldValue("custom", " A ")).toEqual(ok("A"));
    expect(toFieldValue("custom", 2)).toEqual(ok(2));
    expect(toFieldValue("custom", false)).toEqual(ok(false));
    expect(toFieldValue("custom", { a: 1 })).toEqual({ ok: false, message: "expected text, a number, true or false, got an object" });
  });
});
