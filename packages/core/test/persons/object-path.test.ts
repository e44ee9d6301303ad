import { describe, expect, it } from "vitest";
import { getPath, isForbiddenKey, isValidPath, parsePath, PathSyntaxError, setPath } from "../../src/index.ts";

describe("parsePath", () => {
  it("splits names, indexes and quoted names", () => {
    expect(parsePath("a.b[0].c")).toEqual(["a", "b", 0, "c"]);
    expect(parsePath("[2]")).toEqual([2]);
    expect(parsePath('Adres["Straat.Naam"].x')).toEqual(["Adres", "Straat.Naam", "x"]);
    expect(parsePath("['a b']")).toEqual(["a b"]);
    expect(parsePath("Personeels nummer")).toEqual(["Personeels nummer"]);
    expect(parsePath("a[0][1]")).toEqual(["a", 0, 1]);
  });

  it("explains what is wrong with a malformed path", () => {
    expect(() => parsePath("")).toThrow('path "" is empty');
    expect(() => parsePath("a.")).toThrow("ends with a dot");
    expect(() => parsePath(".a")).toThrow('unexpected "." at position 1');
    expect(() => parsePath("a..b")).toThrow('unexpected "." at position 3');
    expect(() => parsePath("a[x]")).toThrow('use a number like [0] or a quoted name like ["a.b"]');
    expect(() => parsePath("a[0")).toThrow("unclosed [");
    expect(() => parsePath('a["b]')).toThrow('unclosed "');
    expect(() => parsePath("a[0]b")).toThrow(PathSyntaxError);
    expect(() => parsePath("a]")).toThrow(PathSyntaxError);
  });

  it("tells valid from invalid without throwing", () => {
    expect(isValidPath("Contracts[0].Title")).toBe(true);
    expect(isValidPath("a..b")).toBe(false);
  });
});

describe("getPath", () => {
  const raw = {
    Name: { Given: "Jan" },
    Contracts: [{ Title: "Leraar" }, { Title: null }],
    "Adres.Straat": "Dorpsstraat",
    Zero: 0,
  };

  it("reads nested values and array elements", () => {
    expect(getPath(raw, "Name.Given")).toBe("Jan");
    expect(getPath(raw, "Contracts[0].Title")).toBe("Leraar");
    expect(getPath(raw, "Contracts.0.Title")).toBe("Leraar");
    expect(getPath(raw, "Contracts[1].Title")).toBeNull();
    expect(getPath(raw, '["Adres.Straat"]')).toBe("Dorpsstraat");
    expect(getPath(raw, "Zero")).toBe(0);
    expect(getPath(raw, ["Name", "Given"])).toBe("Jan");
  });

  it("gives undefined for anything missing along the way", () => {
    expect(getPath(raw, "Name.Family")).toBeUndefined();
    expect(getPath(raw, "Contracts[5].Title")).toBeUndefined();
    expect(getPath(raw, "Name.Given.First")).toBeUndefined();
    expect(getPath(null, "a")).toBeUndefined();
    expect(getPath("text", "length")).toBeUndefined();
  });

  it("never reads inherited properties", () => {
    expect(getPath({}, "constructor")).toBeUndefined();
    expect(getPath({}, "__proto__")).toBeUndefined();
    expect(getPath([], "length")).toBe(0);
  });
});

describe("setPath", () => {
  it("returns a copy with the value set and leaves the input alone", () => {
    const original = { Name: { GivenName: "Jan" }, Other: { kept: true } };
    const updated = setPath(original, "Name.FamilyName", "Vries");
    expect(updated).toEqual({ Name: { GivenName: "Jan", FamilyName: "Vries" }, Other: { kept: true } });
    expect(original).toEqual({ Name: { GivenName: "Jan" }, Other: { kept: true } });
    expect(updated.Other).toBe(original.Other);
  });

  it("creates objects and arrays on the way", () => {
    expect(setPath({}, "a.b[1].c", 3)).toEqual({ a: { b: [undefined, { c: 3 }] } });
    expect(setPath(undefined, "x", 1)).toEqual({ x: 1 });
    expect(setPath({ list: [1, 2] }, "list[0]", 9)).toEqual({ list: [9, 2] });
    expect(setPath({ list: [1, 2] }, "list.1", 9)).toEqual({ list: [1, 9] });
    expect(setPath({ a: "text" }, "a.b", 1)).toEqual({ a: { b: 1 } });
  });

  it("refuses to write to prototypes", () => {
    expect(() => setPath({}, "__proto__.polluted", true)).toThrow(/cannot set/);
    expect(() => setPath({}, "a.constructor", true)).toThrow(/cannot set/);
    expect(() => setPath({}, '["__proto__"].polluted', true)).toThrow(/cannot set/);
    expect(() => setPath({}, ["constructor", "prototype", "polluted"], true)).toThrow(/cannot set/);
    expect(["__proto__", "constructor", "prototype"].every(isForbiddenKey)).toBe(true);
    expect(isForbiddenKey("proto")).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
