import { contractState } from "../persons/contract-state.ts";
import { displayName } from "../persons/display-name.ts";
import { resolveManager, type DepartmentsById, type ManagerOptions } from "../persons/manager.ts";
import type { Contract, Person } from "../persons/person-model.ts";
import { selectPrimaryContract, type PrimaryContractCriterion } from "../persons/primary-contract.ts";

export type PersonStatus = "active" | "future" | "former";

/** One source system's current view of a person (the mapped record), as the snapshot sees it. */
export interface SourceRecord {
  sourceSystemId: string;
  sourceKey: string;
  /** Null when mapping blocked it before it was ever mapped. */
  mapped: Person | null;
  delivered: boolean;
  /** The person it belongs to, once linked (by an earlier snapshot, a merge or an aggregation decision). */
  personId: string | null;
}

export interface ExistingPerson {
  id: string;
  externalId: string;
  data: Person;
}

export interface DecideOptions {
  today: string;
  primaryContractCriteria: readonly PrimaryContractCriterion[];
  managerOptions: ManagerOptions;
}

/** The decided state of one person; the caller compares it with what is stored and writes the difference. */
export interface DecidedPerson {
  /** The stored person, or undefined for a person seen for the first time. */
  personId: string | undefined;
  externalId: string;
  displayName: string;
  status: PersonStatus;
  excluded: boolean;
  data: Person & { PrimaryContract?: { ExternalId: string } | null; PrimaryManager?: { ExternalId: string } | null };
  primaryContractId: string | null;
  departmentId: string | null;
  managerExternalId: string | null;
  sourceSystemIds: string[];
  sources: Array<{ sourceSystemId: string; sourceKey: string }>;
}

/** Groups source records into persons: linked records by their person, new ones by ExternalId. */
function groupSources(sources: readonly SourceRecord[], existing: readonly ExistingPerson[]) {
  const existingByExternalId = new Map(existing.map((person) => [person.externalId, person.id]));
  const groups = new Map<string, { personId: string | undefined; records: SourceRecord[] }>();
  for (const record of sources) {
    let key: string | undefined;
    let personId: string | undefined;
    if (record.personId) {
      key = `person:${record.personId}`;
      personId = record.personId;
    } else if (record.mapped) {
      // A source record nobody has linked yet: the same ExternalId is the same person.
      personId = existingByExternalId.get(record.mapped.ExternalId);
      key = personId ? `person:${personId}` : `new:${record.mapped.ExternalId}`;
    }
    if (!key) continue;
    const group = groups.get(key) ?? { personId, records: [] };
    group.records.push(record);
    groups.set(key, group);
  }
  // Existing persons whose every source record is gone still need a decision: they become former.
  for (const person of existing) {
    const key = `person:${person.id}`;
    if (!groups.has(key)) groups.set(key, { personId: person.id, records: [] });
  }
  return groups;
}

function statusFrom(contracts: readonly Contract[], today: string, delivered: boolean): PersonStatus {
  if (!delivered) return "former";
  const states = contracts.map((contract) => contractState(contract, today));
  if (states.includes("active")) return "active";
  if (states.includes("future")) return "future";
  return "former";
}

/**
 * Decides every person from the source records: combines a person's sources (the source holding
 * the primary contract provides the person fields; contracts are united by ExternalId), derives
 * the display name, primary contract, status and manager. Persons no longer delivered keep their
 * last data and become former: nothing is deleted.
 */
export function decidePersons(
  sources: readonly SourceRecord[],
  existing: readonly ExistingPerson[],
  departmentsById: DepartmentsById,
  options: DecideOptions,
): DecidedPerson[] {
  const existingById = new Map(existing.map((person) => [person.id, person]));
  const decided: DecidedPerson[] = [];
  for (const group of groupSources(sources, existing).values()) {
    const live = group.records.filter((record) => record.delivered && record.mapped);
    const previous = group.personId ? existingById.get(group.personId) : undefined;
    const delivered = live.length > 0;
    if (!delivered && !previous) continue;

    const contracts: Contract[] = [];
    const seen = new Set<string>();
    for (const record of live) {
      for (const contract of record.mapped!.Contracts ?? []) {
        if (seen.has(contract.ExternalId)) continue;
        seen.add(contract.ExternalId);
        contracts.push(contract);
      }
    }
    const allContracts = delivered ? contracts : (previous?.data.Contracts ?? []);
    const primary = selectPrimaryContract(allContracts, options.primaryContractCriteria, options.today);
    const main = delivered
      ? (live.find((record) => primary && record.mapped!.Contracts?.some((contract) => contract.ExternalId === primary.ExternalId)) ?? live[0]!).mapped!
      : previous!.data;
    const { PrimaryContract: _oldPrimary, PrimaryManager: _oldManager, ...mainFields } = main as DecidedPerson["data"];
    const externalId = previous?.externalId ?? main.ExternalId;
    const manager = resolveManager({ ExternalId: externalId }, primary, departmentsById, options.managerOptions);
    const name = main.DisplayName?.trim() ? main.DisplayName.trim() : displayName(main.Name);
    decided.push({
      personId: group.personId,
      externalId,
      displayName: name || externalId,
      status: statusFrom(allContracts, options.today, delivered),
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
      sources: group.records.map((record) => ({ sourceSystemId: record.sourceSystemId, sourceKey: record.sourceKey })),
    });
  }
  return decided;
}
