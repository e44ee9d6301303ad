/** Records looked at: enough to see every field of a consistent export, few enough to stay quick. */
export const SOURCE_PATH_SAMPLE = 200;
/** Names returned at most; an export with more columns is rare and the list says it is cut. */
export const MAX_SOURCE_FIELDS = 500;
/** Nesting followed at most; deeper values are offered as their parent object's path. */
const MAX_DEPTH = 6;

type Part = "persons" | "contracts" | "departments";

/** A name as a path segment: plain when the mapping's path syntax reads it back, else quoted (["Adres.Straat"]). */
function segment(name: string, first: boolean): string {
  const plain = name !== "" && !/[.[\]]/.test(name);
  if (plain) return first ? name : `.${name}`;
  return `[${JSON.stringify(name)}]`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The paths seen in raw records, written as the mapping addresses them: nested objects with dots
 * (Address.Street), list elements by their first index (Emails[0].Address). Persons leave out
 * their Contracts, which the contract tab reads relative to each contract. Bounded in records
 * looked at, depth and names returned.
 */
export function collectSourcePaths(records: readonly unknown[], part: Part): { fields: string[]; truncated: boolean } {
  const seen = new Set<string>();
  let truncated = false;
  const add = (path: string) => {
    if (seen.has(path)) return;
    if (seen.size >= MAX_SOURCE_FIELDS) truncated = true;
    else seen.add(path);
  };
  const walk = (value: unknown, path: string, depth: number) => {
    if (depth >= MAX_DEPTH) {
      if (path) add(path);
      return;
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return add(path);
      for (const element of value.slice(0, 5)) walk(element, `${path}[0]`, depth + 1);
      return;
    }
    if (!isObject(value) || Object.keys(value).length === 0) return path ? add(path) : undefined;
    for (const [name, inner] of Object.entries(value)) walk(inner, `${path}${segment(name, path === "")}`, depth + 1);
  };
  for (const record of records.slice(0, SOURCE_PATH_SAMPLE)) {
    if (!isObject(record)) continue;
    if (part === "contracts") {
      const contracts = record.Contracts;
      if (Array.isArray(contracts)) for (const contract of contracts.slice(0, 20)) walk(contract, "", 0);
    } else {
      const { Contracts: _contracts, ...rest } = record;
      walk(part === "persons" ? rest : record, "", 0);
    }
  }
  return { fields: [...seen], truncated };
}
