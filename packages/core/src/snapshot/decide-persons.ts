import type { AggregationSettings, ScoredCandidate } from "../persons/aggregation.ts";
import { contractState } from "../persons/contract-state.ts";
import { normaliseText } from "../persons/aggregation.ts";
import { AggregationIndex, blockKeyOf, type SourceGroup } from "./aggregate-sources.ts";
import { decidedDisplayName } from "../persons/display-name.ts";
import { resolveManager, type DepartmentsById, type ManagerOptions } from "../persons/manager.ts";
import type { Contract, NameConvention, Person } from "../persons/person-model.ts";
import { selectPrimaryContract, type PrimaryContractCriterion } from "../persons/primary-contract.ts";
import { inSourceOrder, uniteContracts } from "./unite-contracts.ts";

export type PersonStatus = "active" | "future" | "former";

/** One source system's current view of a person (the mapped record), as the snapshot sees it. */
export interface SourceRecord {
  /** The person_sources row id (merge suggestions refer to it). */
  id: string;
  sourceSystemId: string;
  sourceKey: string;
  /** Null when mapping blocked it before it was ever mapped. */
  mapped: Person | null;
  delivered: boolean;
  /** The person it belongs to, once linked (by an earlier snapshot, a merge or an aggregation decision). */
  personId: string | null;
  /** The Aggregation value (one human in two systems gives one value). */
  aggregation: string | null;
}

export interface ExistingPerson {
  id: string;
  externalId: string;
  data: Person;
  /** Waiting for an administrator's merge decision. */
  pendingMerge?: boolean;
  /** The date the person became former (YYYY-MM-DD), as stored. */
  formerSince?: string | null;
}

export interface DecideOptions {
  today: string;
  primaryContractCriteria: readonly PrimaryContractCriterion[];
  managerOptions: ManagerOptions;
  /** The tenant's name convention for persons whose source gives none. */
  nameConvention?: NameConvention;
  aggregation?: Partial<AggregationSettings>;
  /** Person ids a source record must never join (rejected suggestions, unmerges), by record id. */
  separated?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Ids for persons seen for the first time. */
  newId: () => string;
  /**
   * When only some persons are decided (an incremental snapshot): the other persons that new
   * records could join. Without it the persons and records passed are all there are.
   */
  lookup?: PersonLookup;
}

/** Persons beyond those decided that new records could join (see `personLookupKeys`). */
export interface PersonLookup {
  /** Person ids by ExternalId: at least the ExternalIds of the new records and their "-2", "-3"... that are taken. */
  externalIds: ReadonlyMap<string, string>;
  /** The source systems of the linked records of the persons in `externalIds` (a person without records has none). */
  sourceSystems: ReadonlyMap<string, readonly string[]>;
  /** The Aggregation values of the linked records in the new records' blocks; `held` when the person waits for a merge decision. */
  aggregation: ReadonlyArray<{ personId: string; aggregation: string | null; held: boolean }>;
}

/** The decided state of one person; the caller compares it with what is stored and writes the difference. */
export interface DecidedPerson {
  personId: string;
  isNew: boolean;
  externalId: string;
  displayName: string;
  status: PersonStatus;
  /** When a former person became former (YYYY-MM-DD): the day their last contract ended, else the day they were no longer delivered. */
  formerSince: string | null;
  /** False when no source delivers the person any more. */
  delivered: boolean;
  excluded: boolean;
  data: Person & { PrimaryContract?: { ExternalId: string } | null; PrimaryManager?: { ExternalId: string } | null };
  primaryContractId: string | null;
  departmentId: string | null;
  managerExternalId: string | null;
  sourceSystemIds: string[];
  sources: Array<{ id: string; sourceSystemId: string; sourceKey: string }>;
  /** Close matches waiting for an administrator; the person is not processed further until then. */
  pendingMerge: ScoredCandidate[] | null;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Groups source records into persons: linked records stay with their person; a new record joins
 * the person with the same ExternalId from the same source system, or the one its Aggregation
 * value matches exactly (and alone); a close but uncertain match becomes a new person held back
 * for a merge decision. Two systems that use the same number for different people (staff number
 * 1001 in HR, student number 1001 in the student system) give two persons: a record belongs to
 * its source, and only aggregation joins sources. `missing` lists persons that new records join
 * but that were not passed (with a lookup only).
 */
function groupSources(sources: readonly SourceRecord[], existing: readonly ExistingPerson[], options: DecideOptions) {
  const groups = new Map<string, SourceGroup<SourceRecord>>();
  const byExternalId = new Map<string, string>();
  const index = new AggregationIndex();
  const missing = new Set<string>();
  const lookup = options.lookup;
  // A person without any linked record (its source system was removed) is claimed by no source.
  const ownedByOtherSources = (personId: string, sourceSystemId: string) => {
    const group = groups.get(personId);
    const ids = group ? group.records.map((record) => record.sourceSystemId) : (lookup?.sourceSystems.get(personId) ?? []);
    return ids.length > 0 && !ids.includes(sourceSystemId);
  };
  for (const person of existing) {
    groups.set(person.id, { personId: person.id, isNew: false, externalId: person.externalId, records: [], pendingMerge: person.pendingMerge ? [] : null });
    byExternalId.set(person.externalId, person.id);
  }
  if (lookup) {
    for (const [externalId, personId] of lookup.externalIds) if (!byExternalId.has(externalId)) byExternalId.set(externalId, personId);
    for (const entry of lookup.aggregation) if (!entry.held) index.add(entry.personId, entry.aggregation);
  }
  const unlinked: SourceRecord[] = [];
  for (const record of sources) {
    const group = record.personId ? groups.get(record.personId) : undefined;
    if (group) {
      group.records.push(record);
      if (!lookup && !group.pendingMerge) index.add(group.personId, record.aggregation);
    } else if (record.mapped) {
      unlinked.push(record);
    }
  }
  for (const record of unlinked) {
    const separated = options.separated?.get(record.id) ?? NONE;
    const externalId = record.mapped!.ExternalId;
    const sameId = byExternalId.get(externalId);
    let target: string | undefined = sameId && !separated.has(sameId) && !ownedByOtherSources(sameId, record.sourceSystemId) ? sameId : undefined;
    let pendingMerge: ScoredCandidate[] | null = null;
    if (!target) {
      const decision = index.decide(record.aggregation, separated, options.aggregation ?? {});
      if (decision.kind === "merge") target = decision.personId;
      if (decision.kind === "suggest") pendingMerge = decision.candidates;
    }
    if (target) {
      const group = groups.get(target);
      if (group) group.records.push(record);
      else missing.add(target);
      continue;
    }
    // A new person. Its ExternalId may be taken by a person it was separated from, or by another
    // source's person with the same number.
    let uniqueId = externalId;
    for (let suffix = 2; byExternalId.has(uniqueId); suffix++) uniqueId = `${externalId}-${suffix}`;
    const personId = options.newId();
    groups.set(personId, { personId, isNew: true, externalId: uniqueId, records: [record], pendingMerge });
    byExternalId.set(uniqueId, personId);
    if (!pendingMerge) index.add(personId, record.aggregation);
  }
  return { groups, missing };
}

/** What a lookup must cover for these new records: their ExternalIds and their aggregation blocks. */
export function personLookupKeys(unlinked: readonly SourceRecord[]) {
  const externalIds = new Set<string>();
  const blocks = new Set<string>();
  for (const record of unlinked) {
    if (record.personId || !record.mapped) continue;
    externalIds.add(record.mapped.ExternalId);
    if (record.aggregation && normaliseText(record.aggregation) !== "") blocks.add(blockKeyOf(record.aggregation));
  }
  return { externalIds: [...externalIds], blocks: [...blocks] };
}

/**
 * The existing persons that records without a person would join (same ExternalId, or an exact
 * Aggregation match), so an incremental snapshot can load them before deciding.
 */
export function personsJoinedBy(unlinked: readonly SourceRecord[], options: DecideOptions & { lookup: PersonLookup }): string[] {
  let next = 0;
  return [...groupSources(unlinked.filter((record) => !record.personId), [], { ...options, newId: () => `new-${next++}` }).missing];
}

function statusFrom(contracts: readonly Contract[], today: string, delivered: boolean): PersonStatus {
  if (!delivered) return "former";
  const states = contracts.map((contract) => contractState(contract, today));
  if (states.includes("active")) return "active";
  if (states.includes("future")) return "future";
  return "former";
}

/**
 * The day a former person became former: the day their last contract ended when every contract
 * has ended; otherwise (a contract without an end date, or one still running, when the person is
 * no longer delivered) the day they were no longer delivered, which an earlier snapshot stored.
 */
function formerSince(contracts: readonly Contract[], today: string, stored: string | null): string {
  let last: string | null = null;
  for (const contract of contracts) {
    const end = contract.EndDate ?? null;
    if (end === null || end >= today) return stored ?? today;
    if (last === null || end > last) last = end;
  }
  return last ?? stored ?? today;
}

/**
 * Decides every person from the source records: combines a person's sources (the source holding
 * the primary contract provides the person fields; contracts are kept per source, see
 * uniteContracts), derives the display name, primary contract, status and manager. Persons no
 * longer delivered keep their last data and become former: nothing is deleted.
 */
export function decidePersons(
  sources: readonly SourceRecord[],
  existing: readonly ExistingPerson[],
  departmentsById: DepartmentsById,
  options: DecideOptions,
): DecidedPerson[] {
  const existingById = new Map(existing.map((person) => [person.id, person]));
  const decided: DecidedPerson[] = [];
  const { groups, missing } = groupSources(sources, existing, options);
  if (missing.size > 0) throw new Error(`decidePersons: records join persons that were not passed (${[...missing].slice(0, 3).join(", ")})`);
  for (const group of groups.values()) {
    const live = inSourceOrder(group.records.filter((record) => record.delivered && record.mapped));
    const previous = existingById.get(group.personId);
    const delivered = live.length > 0;
    if (!delivered && !previous) continue;

    const united = delivered ? uniteContracts(live) : [];
    const allContracts = delivered ? united.map((entry) => entry.contract) : (previous?.data.Contracts ?? []);
    const primary = selectPrimaryContract(allContracts, options.primaryContractCriteria, options.today);
    const main = delivered ? (united.find((entry) => entry.contract === primary)?.record ?? live[0]!).mapped! : previous!.data;
    const { PrimaryContract: _oldPrimary, PrimaryManager: _oldManager, ...mainFields } = main as DecidedPerson["data"];
    const externalId = group.externalId;
    const manager = resolveManager({ ExternalId: externalId }, primary, departmentsById, options.managerOptions);
    const name = decidedDisplayName(main, options.nameConvention);
    // Held back until an administrator decides (an open suggestion from an earlier snapshot too).
    const pendingMerge = group.pendingMerge;
    const status = statusFrom(allContracts, options.today, delivered);
    decided.push({
      personId: group.personId,
      isNew: group.isNew,
      pendingMerge,
      externalId,
      displayName: name || externalId,
      status,
      formerSince: status === "former" ? formerSince(allContracts, options.today, previous?.formerSince ?? null) : null,
      delivered,
      excluded: main.Excluded === true,
      data: {
        ...mainFields,
        ExternalId: externalId,
        DisplayName: name || externalId,
        Contracts: allContracts,
        PrimaryContract: primary ? { ExternalId: primary.ExternalId } : null,
        PrimaryManager: manager ? { ExternalId: manager } : null,
      },
      primaryContractId: primary?.ExternalId ?? null,
      departmentId: primary?.Department?.ExternalId ?? null,
      managerExternalId: manager,
      sourceSystemIds: [...new Set(live.map((record) => record.sourceSystemId))].sort(),
      sources: group.records.map((record) => ({ id: record.id, sourceSystemId: record.sourceSystemId, sourceKey: record.sourceKey })),
    });
  }
  return decided;
}
