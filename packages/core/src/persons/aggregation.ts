import { distance } from "fastest-levenshtein";
import { z } from "zod";

// Letters that Unicode does not decompose into a base letter plus an accent.
const SPECIAL_LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/** Lower case, accents removed, whitespace collapsed: "  Zoë  Ünal " -> "zoe unal". */
export function normaliseText(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Builds an aggregation value from parts: normaliseAggregationValue("1980-05-17", "de Vries")
 * -> "1980-05-17|devries". Spaces, apostrophes and dots are dropped inside a part because sources
 * disagree on them ("d'Hondt" / "D Hondt", "de Vries" / "deVries").
 * When any part is empty the value is "" (which never matches): two persons who both lack a
 * birth date must not be merged because their family names happen to agree.
 */
export function normaliseAggregationValue(
  ...parts: readonly (string | number | null | undefined)[]
): string {
  const normalised = parts.map((part) =>
    part === null || part === undefined
      ? ""
      : normaliseText(String(part)).replace(/[^\p{L}\p{N}-]/gu, ""),
  );
  if (normalised.length === 0 || normalised.some((part) => part === "")) return "";
  return normalised.join("|");
}

/**
 * Similarity of two values from 0 to 100 (one decimal, rounded down), by edit distance over the
 * longer normalised value. 100 only for equal normalised values: rounding down keeps one typo in
 * a long value from scoring 100 and merging automatically. Empty values score 0 against anything.
 */
export function similarity(a: string, b: string): number {
  const left = normaliseText(a);
  const right = normaliseText(b);
  if (left === "" || right === "") return 0;
  if (left === right) return 100;
  const longest = Math.max(left.length, right.length);
  const same = longest - distance(left, right);
  // Integer arithmetic, so the score is floored exactly and never rounds up to 100.
  return Math.floor((same * 1000) / longest) / 10;
}

export const AggregationSettingsSchema = z
  .strictObject({
    // Above 0: at 0 every person would be suggested as a match for every other.
    suggestAt: z.number().gt(0).max(100),
    automaticAt: z.number().min(0).max(100),
  })
  .refine((settings) => settings.suggestAt <= settings.automaticAt, {
    error: "the suggestion threshold cannot be higher than the automatic merge threshold",
    path: ["suggestAt"],
  });
export type AggregationSettings = z.output<typeof AggregationSettingsSchema>;

export const DEFAULT_AGGREGATION_SETTINGS: AggregationSettings = { suggestAt: 90, automaticAt: 100 };

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface AggregationCandidate {
  personId: string;
  value: string;
}

export interface ScoredCandidate {
  personId: string;
  score: number;
}

export type AggregationDecision =
  | { kind: "none" }
  | { kind: "merge"; personId: string }
  | { kind: "suggest"; candidates: ScoredCandidate[] };

/**
 * What to do with a person whose aggregation value is `value`, given the other persons'
 * values (the caller leaves the person itself out).
 * - merge: exactly one candidate reaches automaticAt and no other reaches suggestAt;
 * - suggest: any other situation with a candidate at or above suggestAt; several close
 *   candidates always ask an administrator, because merging two humans wrongly gives one of them
 *   the other's access and is far worse than a question;
 * - none: nothing close, or the value is empty.
 * Candidates are listed best first (ties by personId); a person listed twice counts once with
 * their best score.
 */
export function decideAggregation(
  value: string | null | undefined,
  candidates: readonly AggregationCandidate[],
  settings: Partial<AggregationSettings> = {},
): AggregationDecision {
  const { suggestAt, automaticAt } = AggregationSettingsSchema.parse({
    ...DEFAULT_AGGREGATION_SETTINGS,
    ...settings,
  });
  if (!value || normaliseText(value) === "") return { kind: "none" };

  const best = new Map<string, number>();
  for (const candidate of candidates) {
    if (!candidate.value) continue;
    const score = similarity(value, candidate.value);
    if (score >= suggestAt && score > (best.get(candidate.personId) ?? -1)) {
      best.set(candidate.personId, score);
    }
  }
  const close = [...best]
    .map(([personId, score]) => ({ personId, score }))
    .sort((a, b) => b.score - a.score || compareIds(a.personId, b.personId));

  const [first] = close;
  if (!first) return { kind: "none" };
  if (close.length === 1 && first.score >= automaticAt) {
    return { kind: "merge", personId: first.personId };
  }
  return { kind: "suggest", candidates: close };
}
