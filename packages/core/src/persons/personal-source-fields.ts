import { isPersonalContactFieldPath } from "./person-model.ts";
import { isValidPath, parsePath, type PathSegment } from "./object-path.ts";

/**
 * Which values of a raw person become personal contact data (private email, phone, address),
 * so raw data can hide them from callers who may not see Contact.Personal on the person.
 */
export interface PersonalSourceFields {
  /** Paths into the raw person: field copies, and the fields a complex script plainly reads. */
  paths: PathSegment[][];
  /**
   * Personal contact fields filled by a script that reads the raw person in a way that cannot be
   * followed (source[name], passing `source` on): their source values are not hidden.
   */
  unknown: string[];
}

type RuleLike = { type?: unknown; path?: unknown; script?: unknown };

/** `source` as a variable, not `x.source` or `sourceContract`. */
const SOURCE_MENTION = /(?<![\w$.])source(?![\w$])/g;
/** source.Field, source?.Field, source["Field"], source?.['Field']. */
const SOURCE_READ = /(?<![\w$.])source\s*(?:\??\.\s*([A-Za-z_$][\w$]*)|(?:\?\.)?\[\s*(["'])((?:(?!\2)[^\\\n])*)\2\s*\])/g;

export function personalSourceFields(mapping: unknown): PersonalSourceFields {
  const person = (mapping as { person?: unknown } | null | undefined)?.person;
  const paths = new Map<string, PathSegment[]>();
  const add = (segments: PathSegment[]) => paths.set(JSON.stringify(segments), segments);
  const unknown: string[] = [];
  if (person === null || typeof person !== "object") return { paths: [], unknown };
  for (const [target, rule] of Object.entries(person as Record<string, RuleLike>)) {
    if (!isPersonalContactFieldPath(target) || rule === null || typeof rule !== "object") continue;
    if (rule.type === "field" && typeof rule.path === "string" && isValidPath(rule.path)) add(parsePath(rule.path));
    if (rule.type === "complex" && typeof rule.script === "string") {
      const reads = [...rule.script.matchAll(SOURCE_READ)];
      for (const read of reads) add([(read[1] ?? read[3]) as string]);
      if ((rule.script.match(SOURCE_MENTION) ?? []).length > reads.length) unknown.push(target);
    }
  }
  return { paths: [...paths.values()], unknown };
}

/** A copy of a raw record with the values at these paths replaced (only where present). */
export function hideRawValues(record: unknown, paths: readonly (readonly PathSegment[])[], replacement: string): unknown {
  if (paths.length === 0 || record === null || typeof record !== "object") return record;
  const copy = structuredClone(record) as Record<string, unknown>;
  for (const path of paths) replaceAt(copy, path, replacement);
  return copy;
}

function replaceAt(value: unknown, segments: readonly PathSegment[], replacement: string): void {
  const [head, ...rest] = segments;
  if (head === undefined || value === null || typeof value !== "object") return;
  const key = String(head);
  if (!Object.hasOwn(value, key)) return;
  const container = value as Record<string, unknown>;
  if (rest.length > 0) replaceAt(container[key], rest, replacement);
  else if (container[key] !== null && container[key] !== undefined && container[key] !== "") container[key] = replacement;
}
