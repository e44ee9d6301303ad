import type { Contract, Person } from "../persons/person-model.ts";

interface DeliveringRecord {
  sourceSystemId: string;
  sourceKey: string;
  mapped: Person | null;
}

/**
 * The contracts of one person's delivered records, each with the record it came from. A contract
 * is identified by its source and ExternalId: within one source the first record's contract wins
 * (as before), but contracts of two sources never replace each other. When two sources of one
 * person use the same contract ExternalId (both number their contracts "1"), the contract of the
 * later record gets "-2", "-3"... like a person whose ExternalId is taken, so primary contract,
 * rules and screens can still tell the contracts apart. Pass the records in a stable order
 * (`inSourceOrder`) so that every snapshot gives the same answer.
 */
export function uniteContracts<Record extends DeliveringRecord>(records: readonly Record[]): Array<{ contract: Contract; record: Record }> {
  // Most persons have one record: its contracts, the first of each ExternalId (the hot path of a snapshot).
  if (records.length === 1) {
    const record = records[0]!;
    const contracts = record.mapped?.Contracts ?? [];
    const unique = contracts.length < 2 || new Set(contracts.map((contract) => contract.ExternalId)).size === contracts.length;
    if (unique) return contracts.map((contract) => ({ contract, record }));
  }
  const delivered = new Set(records.flatMap((record) => (record.mapped?.Contracts ?? []).map((contract) => contract.ExternalId)));
  const seen = new Set<string>();
  const taken = new Set<string>();
  const united: Array<{ contract: Contract; record: Record }> = [];
  for (const record of records) {
    for (const contract of record.mapped?.Contracts ?? []) {
      const identity = `${record.sourceSystemId}\u0000${contract.ExternalId}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      if (!taken.has(contract.ExternalId)) {
        taken.add(contract.ExternalId);
        united.push({ contract, record });
        continue;
      }
      let externalId = contract.ExternalId;
      for (let suffix = 2; taken.has(externalId) || delivered.has(externalId); suffix++) externalId = `${contract.ExternalId}-${suffix}`;
      taken.add(externalId);
      united.push({ contract: { ...contract, ExternalId: externalId }, record });
    }
  }
  return united;
}

/** A person's records by source system and key: a full and an incremental snapshot load them in different orders. */
export function inSourceOrder<Record extends DeliveringRecord>(records: Record[]): Record[] {
  return records.length > 1 ? records.sort((a, b) => compare(a.sourceSystemId, b.sourceSystemId) || compare(a.sourceKey, b.sourceKey)) : records;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
