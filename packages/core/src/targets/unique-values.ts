/** How a unique attribute finds a free value (contracts' targetFieldMappingSchema.unique). */
export interface UniqueRule {
  maxFallbacks: number;
  fallbackTemplate?: string;
}

/** Fallbacks beyond this are refused whatever the configuration says (a search of 99 values is the limit). */
export const MAX_UNIQUE_FALLBACKS = 99;

/**
 * The values to try in order: the value itself, then numbered fallbacks starting at 2 (jdoe,
 * jdoe2, jdoe3, ...). The template places the number: "{value}{n}" by default; "{local}{n}@{domain}"
 * splits a mail-like value at its last @ so that jdoe@x.org becomes jdoe2@x.org.
 */
export function uniqueCandidates(value: string, rule: UniqueRule): string[] {
  const template = rule.fallbackTemplate?.trim() || (value.includes("@") ? "{local}{n}@{domain}" : "{value}{n}");
  if (!template.includes("{n}")) throw new Error(`the fallback template ${JSON.stringify(template)} has no {n}: every fallback would be the same value`);
  const at = value.lastIndexOf("@");
  const local = at >= 0 ? value.slice(0, at) : value;
  const domain = at >= 0 ? value.slice(at + 1) : "";
  const fallbacks = Math.min(Math.max(rule.maxFallbacks, 0), MAX_UNIQUE_FALLBACKS);
  const candidates = [value];
  for (let number = 2; number <= fallbacks + 1; number++) {
    candidates.push(template.replaceAll("{value}", value).replaceAll("{local}", local).replaceAll("{domain}", domain).replaceAll("{n}", String(number)));
  }
  return candidates;
}

/**
 * The first candidate that is free: `taken` answers whether a value is in use in the target or
 * reserved for another person. Throws an actionable error when all are taken.
 */
export async function firstFreeValue(attribute: string, candidates: readonly string[], taken: (value: string) => Promise<boolean>): Promise<string> {
  for (const candidate of candidates) if (!(await taken(candidate))) return candidate;
  throw new Error(`${attribute}: ${candidates[0]} and its ${candidates.length - 1} numbered fallbacks are all taken; raise maxFallbacks or change the mapping`);
}
