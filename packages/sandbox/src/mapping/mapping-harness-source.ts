import { isolateHelpersSource } from "../isolate-helpers-source.ts";
import { memoryLockdownSource } from "../isolate-memory-lockdown-source.ts";

/** File name under which field `index` is compiled; stack frames and syntax errors carry it. */
export function fieldFilename(index: number): string {
  return `mapping-field-${index}.js`;
}

/**
 * Wrappers around an administrator's script. Both put the script on its own lines after exactly
 * one header line, so compiling with `lineOffset: -1` makes every reported line the script's own.
 */
export function wrapField(script: string, form: "expression" | "body"): string {
  return form === "expression"
    ? `(function (source, sourceContract) { "use strict"; return (\n${withoutTrailingSemicolons(script)}\n); })`
    : `(function (source, sourceContract) { "use strict";\n${script}\n})`;
}

/** `source.FirstName;` is still one expression; the harness's detectForm strips the same way. */
function withoutTrailingSemicolons(script: string): string {
  return script.replace(/[\s;]+$/, "");
}

/**
 * Runs INSIDE the mapping isolate (via evalClosure) and returns the harness object. Nothing here is
 * put on the global object, so scripts cannot reach the registry of compiled fields or the batch
 * state. Results are encoded as JSON arrays, one per call:
 *   [1] / [1, value]                 the script returned (undefined becomes null)
 *   [0, kind, message, line|null]    the script threw, or returned something that is not JSON
 *   [2]                              not run: the field is switched off after repeated limit hits
 */
export const mappingHarnessSource = String.raw`
"use strict";
${isolateHelpersSource}
const parse = JSON.parse;
const stringify = JSON.stringify;
const now = Date.now;
const FunctionConstructor = Function;
const fieldFunctions = [];
let completed = [];
let batchStartedAt = 0;
let callStartedAt = 0;

const STORABLE = "return text, a number, true/false, null, a list or an object";
class NotStorable extends Error {}
function notStorable(what, hint) {
  return new NotStorable("The script returned " + what + "; " + (hint ?? STORABLE));
}
function replacer(key, value) {
  const where = key === "" ? "" : " in '" + key + "'";
  switch (typeof value) {
    case "function": throw notStorable("a function" + where);
    case "symbol": throw notStorable("a symbol" + where);
    case "bigint": throw notStorable("a BigInt" + where, "convert it with Number() or String()");
    default: return value;
  }
}
function encodeValue(value, fieldIndex) {
  try {
    if (value !== null && typeof value === "object" && typeof value.then === "function") {
      throw notStorable("a Promise", "mapping scripts run synchronously, so remove async/await");
    }
    const json = stringify(value, replacer);
    return json === undefined ? "[1]" : "[1," + json + "]";
  } catch (error) {
    const message = error instanceof NotStorable
      ? error.message
      : "The returned value cannot be converted to JSON: " + describeThrown(error);
    return stringify([0, "runtime", message, lineIn(error, "mapping-field-" + fieldIndex + ".js") ?? null]);
  }
}
// A copy of parsed JSON (plain objects, arrays, primitives), about twice as fast as parsing again.
const defineProperty = Object.defineProperty;
const isArray = Array.isArray;
function copyJson(value) {
  if (typeof value !== "object" || value === null) return value;
  if (isArray(value)) {
    const copy = new Array(value.length);
    for (let index = 0; index < value.length; index++) copy[index] = copyJson(value[index]);
    return copy;
  }
  const copy = {};
  for (const key in value) {
    if (key === "__proto__") defineProperty(copy, key, { value: copyJson(value[key]), enumerable: true, writable: true, configurable: true });
    else copy[key] = copyJson(value[key]);
  }
  return copy;
}
function runField(fieldIndex, input) {
  const fieldFunction = fieldFunctions[fieldIndex];
  let value;
  try {
    // Called as a plain function: 'this' stays undefined, never the registry.
    value = fieldFunction(input[0], input[1]);
  } catch (error) {
    return stringify([0, "runtime", describeThrown(error), lineIn(error, "mapping-field-" + fieldIndex + ".js") ?? null]);
  }
  return encodeValue(value, fieldIndex);
}

return {
  // "expression" when the script is one expression (a trailing ";" allowed), "body" when it is a
  // function body, null when neither parses on its own. The Function constructor parses the body
  // apart from any wrapper, so a script cannot close the wrapper early and run code at registration.
  detectForm(script) {
    const expression = script.replace(/[\s;]+$/, "");
    try { FunctionConstructor('"use strict"; return (\n' + expression + "\n);"); return "expression"; } catch {}
    try { FunctionConstructor('"use strict";\n' + script + "\n"); return "body"; } catch {}
    return null;
  },
  register(fieldIndex, fieldFunction) {
    fieldFunctions[fieldIndex] = fieldFunction;
  },
  // inputsText: one JSON [source, sourceContract] per line. Calls are numbered input-major over
  // fieldIndexes; the batch starts at firstCall so the host can resume after a timeout.
  runBatch(inputsText, fieldIndexes, firstCall, skippedFields) {
    completed = [];
    batchStartedAt = now();
    callStartedAt = batchStartedAt;
    const inputs = inputsText.split("\n");
    const fieldCount = fieldIndexes.length;
    const total = inputs.length * fieldCount;
    let parsedIndex = -1;
    let parsed;
    for (let call = firstCall; call < total; call++) {
      const position = call % fieldCount;
      const inputIndex = (call - position) / fieldCount;
      const fieldIndex = fieldIndexes[position];
      if (skippedFields.includes(fieldIndex)) {
        completed.push("[2]");
        continue;
      }
      callStartedAt = now();
      // Each call gets its own source: the last field of an input gets the parsed original,
      // the others a copy, so no script sees what another one changed.
      if (inputIndex !== parsedIndex) {
        parsed = parse(inputs[inputIndex]);
        parsedIndex = inputIndex;
      }
      let input = parsed;
      if (position !== fieldCount - 1) {
        try {
          input = copyJson(parsed);
        } catch {
          input = parse(inputs[inputIndex]); // nested too deeply for a recursive copy
        }
      }
      completed.push(runField(fieldIndex, input));
    }
    return "[" + completed.join(",") + "]";
  },
  // After a timeout: what the interrupted batch finished, and when the stuck call started.
  progress() {
    return stringify({ completed: "[" + completed.join(",") + "]", batchStartedAt, callStartedAt });
  },
};
`;

/**
 * Runs INSIDE the isolate after the harness exists and before any administrator code. Freezes
 * every object reachable from the global object and removes the ways around that, so no script can
 * leave state behind for the next person or change how built-ins behave for another field:
 * - eval: indirect eval can declare global \`let\` bindings, which live outside the global object;
 * - RegExp.$1, lastMatch and the like: V8 updates them behind a frozen RegExp on every match;
 * - memory outside the isolate's limit (resizable ArrayBuffers, WebAssembly, SharedArrayBuffer):
 *   see memoryLockdownSource.
 */
export const lockdownSource = String.raw`
"use strict";
${memoryLockdownSource}
delete globalThis.eval;
for (const key of Reflect.ownKeys(RegExp)) {
  const descriptor = Reflect.getOwnPropertyDescriptor(RegExp, key);
  if (typeof key === "string" && descriptor !== undefined && "get" in descriptor) delete RegExp[key];
}
const seen = new Set();
const pending = [globalThis];
while (pending.length > 0) {
  const object = pending.pop();
  if (object === null || (typeof object !== "object" && typeof object !== "function")) continue;
  if (seen.has(object)) continue;
  seen.add(object);
  for (const key of Reflect.ownKeys(object)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(object, key);
    if (descriptor === undefined) continue;
    if ("value" in descriptor) pending.push(descriptor.value);
    else pending.push(descriptor.get, descriptor.set);
  }
  pending.push(Reflect.getPrototypeOf(object));
  Object.freeze(object);
}
`;
