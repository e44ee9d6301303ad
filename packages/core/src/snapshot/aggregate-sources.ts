import { decideAggregation, normaliseText, type AggregationSettings, type ScoredCandidate } from "../persons/aggregation.ts";

/** A group of source records that the snapshot treats as one person. */
export interface SourceGroup<Record> {
  personId: string;
  isNew: boolean;
  externalId: string;
  records: Record[];
  /** Close matches an administrator must decide on; the person is held back until then. */
  pendingMerge: ScoredCandidate[] | null;
}

/**
 * Candidates are compared only within a block (the first "|"-separated part of the value, e.g.
 * the birth date in "1980-05-17|devries|jan"; else the first three letters), so 100,000 persons
 * take 100,000 small comparisons rather than ten billion. A typo in the block part is the
 * price: such a pair is not suggested.
 */
export function blockKeyOf(value: string): string {
  const normalised = normaliseText(value);
  const bar = normalised.indexOf("|");
  return bar > 0 ? normalised.slice(0, bar) : normalised.slice(0, 3);
}

export class AggregationIndex {
  private readonly blocks = new Map<string, Array<{ personId: string; value: string }>>();

  add(personId: string, value: string | null | undefined) {
    if (!value || normaliseText(value) === "") return;
    const key = blockKeyOf(value);
    const block = this.blocks.get(key) ?? [];
    block.push({ personId, value });
    this.blocks.set(key, block);
  }

  decide(value: string | null | undefined, excluded: ReadonlySet<string>, settings: Partial<AggregationSettings>) {
    if (!value || normaliseText(value) === "") return { kind: "none" as const };
    const candidates = (this.blocks.get(blockKeyOf(value)) ?? []).filter((candidate) => !excluded.has(candidate.personId));
    return decideAggregation(value, candidates, settings);
  }
}
