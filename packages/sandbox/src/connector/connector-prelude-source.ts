import { isolateHelpersSource } from "../isolate-helpers-source.ts";
import { memoryLockdownSource } from "../isolate-memory-lockdown-source.ts";

export const CONNECTOR_FILENAME = "connector.js";

/**
 * Appended to the administrator's module (on a new line, so line numbers stay the script's own):
 * a module's top-level `main` is not visible from outside unless exported.
 */
export const MAIN_EXPORT = "__idlifeMain";
export const mainExportSource = entryExportSource("main");

/**
 * The same for a target script's top-level action function (create, update, ...); `name` comes
 * from a fixed list, never from input. `delete` is a reserved word in JavaScript, so a script
 * defines `remove` for it (or exports a function under the name "delete").
 */
export function entryExportSource(name: string): string {
  const binding = name === "delete" ? "remove" : name;
  return `\nexport const ${MAIN_EXPORT} = typeof ${binding} === "function" ? ${binding} : undefined;\n`;
}

/**
 * Runs INSIDE the connector isolate (via evalClosure) with the host's bridge functions as $0-$2,
 * the configuration as $3 and the secrets as $4 (name to placeholder: the script never holds a
 * secret's value; the HTTP bridge puts it in when it sends a request to an allowed host). For
 * scripts written when secrets were merged into the configuration, `config` carries the same
 * placeholders under the secrets' names. Returns `run(main)`, which calls the script's main and
 * answers with JSON: { failure: { kind, message, line } } or { result } (no `result` key when main
 * returned undefined). The host references stay inside this closure: scripts only see `http`,
 * `log` and `progress`, which take and give plain data.
 */
export const connectorPreludeSource = String.raw`
"use strict";
${isolateHelpersSource}
const requestReference = $0;
const logReference = $1;
const progressReference = $2;
const secrets = Object.freeze({ ...$4 });
const config = { ...$3, ...secrets };
const stringify = JSON.stringify;
const parse = JSON.parse;
const toHost = { arguments: { copy: true } };
const roundTrip = { arguments: { copy: true }, result: { promise: true, copy: true } };

function formatLogValue(value) {
  if (typeof value === "string") return value;
  if (value instanceof Error) return describeThrown(value);
  try {
    const json = stringify(value);
    return json === undefined ? String(value) : json;
  } catch {
    return String(value);
  }
}
function log(...values) {
  logReference.applyIgnored(undefined, [values.map(formatLogValue).join(" ")], toHost);
}
function progress(update) {
  const fetched = update === null || typeof update !== "object" ? undefined : update.fetched;
  if (typeof fetched !== "number" || !Number.isFinite(fetched) || fetched < 0) {
    throw new TypeError("progress() expects { fetched: <number of records fetched so far> }");
  }
  progressReference.applyIgnored(undefined, [fetched], toHost);
}

function requestOptions(method, options) {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object") {
    throw new TypeError("http." + method.toLowerCase() + "(url, options): options must be an object such as { headers, query }");
  }
  let headers = options.headers ?? {};
  let body = options.body;
  if (options.json !== undefined) {
    if (body !== undefined) throw new TypeError("http." + method.toLowerCase() + "(): give either json or body, not both");
    body = stringify(options.json);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === "content-type")) {
      headers = { ...headers, "content-type": "application/json" };
    }
  }
  // Through JSON: only plain data crosses to the host, whatever the script put in.
  return parse(stringify({ headers, query: options.query, body }));
}
function makeResponse(response) {
  const { status, ok, url, headers, text } = response;
  return Object.freeze({
    status, ok, url, headers, text,
    json() {
      try {
        return parse(text);
      } catch {
        throw new Error("The response from " + url + " is not JSON (status " + status + "): " + text.slice(0, 100));
      }
    },
  });
}
async function request(method, url, options) {
  const outcome = await requestReference.apply(undefined, [method, String(url), requestOptions(method, options)], roundTrip);
  if (outcome.error !== undefined) throw new Error(outcome.error);
  return makeResponse(outcome.response);
}
const http = Object.freeze({
  get: (url, options) => request("GET", url, options),
  head: (url, options) => request("HEAD", url, options),
  post: (url, options) => request("POST", url, options),
  put: (url, options) => request("PUT", url, options),
  patch: (url, options) => request("PATCH", url, options),
  delete: (url, options) => request("DELETE", url, options),
  request: (method, url, options) => request(String(method).toUpperCase(), url, options),
});

${memoryLockdownSource}
Object.defineProperty(globalThis, "console", {
  value: Object.freeze({ log, info: log, warn: log, error: log, debug: log }),
  writable: false,
  configurable: false,
});

function failure(kind, message, line) {
  return stringify({ failure: { kind, message, line: line ?? null } });
}

// A source script calls main() with no action; a target script calls one action function (create,
// update, ...) with its action context, to which config, secrets, http and log are added.
return async function run(main, action) {
  if (typeof main !== "function") {
    if (action !== undefined) return failure("invalid-result", "The script does not define " + action.name + "(); add async function " + action.name + "(context) to it");
    return failure("invalid-result", "The script must define async function main({ config, secrets, http, log, progress }) or export one as default");
  }
  let result;
  try {
    result = await main(action === undefined ? { config, secrets, http, log, progress } : { ...action.context, config, secrets, http, log });
  } catch (error) {
    return failure("runtime", describeThrown(error), lineIn(error, "${CONNECTOR_FILENAME}"));
  }
  try {
    return stringify({ result });
  } catch (error) {
    const returner = action === undefined ? "main()" : action.name + "()";
    return failure("invalid-result", returner + " returned something that cannot be converted to JSON: " + describeThrown(error));
  }
};
`;
