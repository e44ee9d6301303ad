import { isForbiddenKey } from "../persons/object-path.ts";

/** Stored account data of a person's accounts, by target system id. */
export type AccountsBySystem = ReadonlyMap<string, Record<string, unknown>>;

/**
 * What a target field mapping reads from: the person model as the snapshot decided it, with
 * `PrimaryContract` expanded from its reference to the whole contract (so
 * `PrimaryContract.Department.ExternalId` works) and `Accounts.<systemId>.<attribute>` holding
 * the data other systems stored ("use account data from").
 */
export function mappingSubject(personData: Record<string, unknown>, accounts: AccountsBySystem): Record<string, unknown> {
  const contracts = Array.isArray(personData.Contracts) ? (personData.Contracts as Array<Record<string, unknown>>) : [];
  const primaryReference = personData.PrimaryContract as { ExternalId?: unknown } | null | undefined;
  const primary = primaryReference ? (contracts.find((contract) => contract?.ExternalId === primaryReference.ExternalId) ?? null) : null;
  // Object.create(null): system ids come from configuration, never a way to reach a prototype.
  const accountData = Object.create(null) as Record<string, unknown>;
  for (const [systemId, data] of accounts) if (!isForbiddenKey(systemId)) accountData[systemId] = data;
  return { ...personData, PrimaryContract: primary, Accounts: accountData };
}

/** The target systems whose stored account data a set of field paths reads. */
export function accountDataSources(paths: ReadonlyArray<string | undefined>): string[] {
  const systems = new Set<string>();
  for (const path of paths) {
    const match = path ? /^Accounts\.([^.[\]]+)\./.exec(path) : null;
    if (match) systems.add(match[1]!);
  }
  return [...systems].sort();
}
