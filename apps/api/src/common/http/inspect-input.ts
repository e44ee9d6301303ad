import { isForbiddenKey } from "@idlife/core";
import { ApiError } from "./api-error.ts";

/** Deeper than any settings, mapping or filter the API takes; deeper input is an attack or a bug. */
export const MAX_INPUT_DEPTH = 64;

const label = (path: readonly (string | number)[]) => (path.length > 0 ? path.join(".") : "(the whole value)");

/**
 * Refuses, in parsed request input (JSON body, query, path), what no route can use and some
 * code below could trip on: keys that reach Object.prototype ("__proto__", "constructor",
 * "prototype", also inside dot-path keys such as "__proto__.x"), NUL characters (PostgreSQL refuses them in text), and nesting deeper than
 * MAX_INPUT_DEPTH (recursive code would overflow the stack). Walks with its own stack, so a
 * deeply nested value cannot overflow it either.
 */
export function inspectInput(value: unknown, where: string): void {
  const pending: Array<{ value: unknown; path: (string | number)[] }> = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === "string") {
      if (current.includes("\u0000")) throw invalidCharacters(where, path);
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      throw new ApiError(400, "too_deeply_nested", `The ${where} is nested deeper than ${MAX_INPUT_DEPTH} levels at '${label(path)}'; flatten it.`, {
        maxDepth: MAX_INPUT_DEPTH,
      });
    }
    const entries: Array<[string | number, unknown]> = Array.isArray(current) ? current.map((item, index) => [index, item]) : Object.entries(current);
    for (const [key, child] of entries) {
      if (typeof key === "string") {
        if (namesPrototype(key)) {
          throw new ApiError(400, "forbidden_key", `The ${where} uses the name '${key}' at '${label([...path, key])}', which is not allowed anywhere; rename it.`, {
            path: label([...path, key]),
          });
        }
        if (key.includes("\u0000")) throw invalidCharacters(where, [...path, key]);
      }
      pending.push({ value: child, path: [...path, key] });
    }
  }
}

/** "__proto__" itself, and dot paths used as keys ("__proto__.x", "a.constructor.b", 'a["__proto__"]'). */
function namesPrototype(key: string): boolean {
  return key.split(/[.[\]"']/).some(isForbiddenKey);
}

function invalidCharacters(where: string, path: readonly (string | number)[]) {
  return new ApiError(400, "invalid_characters", `The ${where} holds a NUL character (\\u0000) at '${label(path)}'; remove it.`, {
    path: label(path),
  });
}
