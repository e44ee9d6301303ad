import { expect, it } from "vitest";
import { canonicalJson, jsonEqual } from "../src/index.ts";

it("compares like JSON: key order and undefined properties do not matter, array order does", () => {
  expect(jsonEqual({ b: 1, a: { c: [1, { x: 1, y: undefined }] } }, { a: { c: [1, { x: 1 }] }, b: 1 })).toBe(true);
  expect(jsonEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  expect(jsonEqual({ a: null }, {})).toBe(false);
  expect(jsonEqual({ a: 1 }, { a: "1" })).toBe(false);
  expect(jsonEqual([], {})).toBe(false);
  expect(jsonEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
});

it("agrees with comparing canonical JSON text on mixed values", () => {
  const values = [{ a: 1 }, { a: 1, b: undefined }, { b: 2, a: 1 }, { a: [1, { c: null }] }, { a: [1, { c: 0 }] }, null, [1], "x"];
  for (const left of values) for (const right of values) expect(jsonEqual(left, right)).toBe(canonicalJson(left) === canonicalJson(right));
});
