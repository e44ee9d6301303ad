import type { TransactionClient } from "@idlife/db";
import { diffPerson, jsonEqual, type DecidedPerson, type Person } from "@idlife/core";

export interface StoredPerson {
  id: string;
  externalId: string;
  displayName: string;
  status: string;
  formerSince: Date | null;
  noLongerDeliveredSince: Date | null;
  excluded: boolean;
  data: Person;
  primaryContractId: string | null;
  departmentId: string | null;
  managerPersonId: string | null;
  sourceSystemIds: string[];
  pendingMerge: boolean;
}

export interface PersonWrite {
  id: string;
  isNew: boolean;
  decided: DecidedPerson;
  managerPersonId: string | null;
  history: Array<{ field: string; kind: string; oldValue: unknown; newValue: unknown }>;
}

/** A DATE column as Prisma reads it (midnight UTC) as YYYY-MM-DD. */
export function isoDateOf(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** Text for the persons list search: names, ids and business email, lower case. */
export function searchTextOf(decided: DecidedPerson): string {
  const data = decided.data;
  return [decided.externalId, decided.displayName, data.Name?.GivenName, data.Name?.FamilyName, data.Name?.FamilyNamePartner, data.Contact?.Business?.Email, data.Username]
    .filter((value) => typeof value === "string" && value.length > 0)
    .join(" ")
    .toLowerCase();
}


/**
 * Compares decided persons with the stored ones and returns what must be written: new persons,
 * changed persons (with their field-level history), nothing for the unchanged. `managers` gives
 * the person ids of managers who are not among the decided (when only some persons are decided).
 */
export function planPersonWrites(decided: readonly DecidedPerson[], stored: ReadonlyMap<string, StoredPerson>, managers: ReadonlyMap<string, string> = new Map()): PersonWrite[] {
  const ids = new Map<string, string>(managers);
  for (const person of decided) ids.set(person.externalId, person.personId);
  const writes: PersonWrite[] = [];
  for (const person of decided) {
    const id = person.personId;
    const managerPersonId = person.managerExternalId ? (ids.get(person.managerExternalId) ?? null) : null;
    const before = person.isNew ? undefined : stored.get(person.personId);
    if (!before) {
      // A new person: one history entry, not one per field (100,000 new persons would otherwise
      // write millions of rows that say nothing the Information tab does not).
      writes.push({ id, isNew: true, decided: person, managerPersonId, history: [{ field: "Person", kind: "added", oldValue: null, newValue: { ExternalId: person.externalId, DisplayName: person.displayName } }] });
      continue;
    }
    // Cheap comparisons first: most persons of a re-import did not change at all.
    const same =
      before.status === person.status &&
      isoDateOf(before.formerSince) === person.formerSince &&
      (before.noLongerDeliveredSince === null) === person.delivered &&
      before.displayName === person.displayName &&
      before.excluded === person.excluded &&
      before.managerPersonId === managerPersonId &&
      before.primaryContractId === person.primaryContractId &&
      before.departmentId === person.departmentId &&
      before.pendingMerge === (person.pendingMerge !== null) &&
      jsonEqual(before.sourceSystemIds, person.sourceSystemIds) &&
      jsonEqual(before.data, person.data);
    if (same) continue;
    const history: PersonWrite["history"] = diffPerson(before.data, person.data).map((change) => ({ ...change }));
    if (before.status !== person.status) history.unshift({ field: "Status", kind: "changed", oldValue: before.status, newValue: person.status });
    writes.push({ id, isNew: false, decided: person, managerPersonId, history });
  }
  return writes;
}

/** Writes one batch of persons with set-based SQL (one statement per kind, not one per person). */
export async function writePersonBatch(
  tx: TransactionClient,
  tenantId: string,
  batch: readonly PersonWrite[],
  cause: "import" | "configuration" | "merge" | "manual",
  references: { snapshotId: string; importId: string | null },
) {
  if (batch.length === 0) return;
  const rows = batch.map((write) => ({
    id: write.id,
    external_id: write.decided.externalId,
    display_name: write.decided.displayName,
    status: write.decided.status,
    excluded: write.decided.excluded,
    data: write.decided.data,
    primary_contract_id: write.decided.primaryContractId,
    department_id: write.decided.departmentId,
    manager_person_id: write.managerPersonId,
    manager_external_id: write.decided.managerExternalId,
    source_system_ids: write.decided.sourceSystemIds,
    search_text: searchTextOf(write.decided),
    pending_merge: write.decided.pendingMerge !== null,
    former_since: write.decided.formerSince,
    delivered: write.decided.delivered,
  }));
  await tx.$executeRaw`
    INSERT INTO persons (id, tenant_id, external_id, display_name, status, excluded, data, primary_contract_id,
                         department_id, manager_person_id, manager_external_id, source_system_ids, search_text, pending_merge, created_at, updated_at, former_since, no_longer_delivered_since)
    SELECT r.id, ${tenantId}::uuid, r.external_id, r.display_name, r.status::"PersonStatus", r.excluded, r.data,
           r.primary_contract_id, r.department_id, r.manager_person_id, r.manager_external_id, r.source_system_ids, r.search_text, r.pending_merge, now(), now(),
           r.former_since, CASE WHEN NOT r.delivered THEN now() END
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
      id uuid, external_id text, display_name text, status text, excluded boolean, data jsonb, primary_contract_id text,
      department_id text, manager_person_id uuid, manager_external_id text, source_system_ids text[], search_text text, pending_merge boolean, former_since date, delivered boolean)
    ON CONFLICT (id) DO UPDATE SET
      display_name = EXCLUDED.display_name, status = EXCLUDED.status, excluded = EXCLUDED.excluded, data = EXCLUDED.data,
      primary_contract_id = EXCLUDED.primary_contract_id, department_id = EXCLUDED.department_id,
      manager_person_id = EXCLUDED.manager_person_id, manager_external_id = EXCLUDED.manager_external_id, source_system_ids = EXCLUDED.source_system_ids,
      search_text = EXCLUDED.search_text, pending_merge = EXCLUDED.pending_merge, updated_at = now(),
      former_since = EXCLUDED.former_since,
      no_longer_delivered_since = CASE WHEN EXCLUDED.no_longer_delivered_since IS NULL THEN NULL ELSE COALESCE(persons.no_longer_delivered_since, EXCLUDED.no_longer_delivered_since) END`;
  // Set-based, like the persons above: Prisma's createMany spends far longer building the
  // statement than PostgreSQL spends running it (see benchmarks/README.md).
  const history = batch.flatMap((write) =>
    write.history.map((change) => ({ person_id: write.id, field: change.field, kind: change.kind, old_value: change.oldValue ?? null, new_value: change.newValue ?? null })),
  );
  if (history.length > 0) {
    await tx.$executeRaw`
      INSERT INTO person_history (tenant_id, person_id, field, kind, old_value, new_value, cause, snapshot_id, import_id, at)
      SELECT ${tenantId}::uuid, h.person_id, h.field, h.kind, h.old_value, h.new_value, ${cause}::"HistoryCause",
             ${references.snapshotId}::uuid, ${references.importId}::uuid, now()
      FROM jsonb_to_recordset(${JSON.stringify(history)}::jsonb) AS h(person_id uuid, field text, kind text, old_value jsonb, new_value jsonb)`;
  }
  // Close matches become suggestions an administrator decides on (once per pair).
  const suggestions = batch.flatMap((write) =>
    (write.decided.pendingMerge ?? []).flatMap((candidate) =>
      write.decided.sources.map((source) => ({ tenantId, personSourceId: source.id, candidatePersonId: candidate.personId, score: Math.floor(candidate.score) })),
    ),
  );
  if (suggestions.length > 0) await tx.mergeSuggestion.createMany({ data: suggestions, skipDuplicates: true });
  // Link every source record to its person (new persons, and records that joined one).
  const links = batch.flatMap((write) => write.decided.sources.map((source) => ({ person_id: write.id, source_system_id: source.sourceSystemId, external_id: source.sourceKey })));
  await tx.$executeRaw`
    UPDATE person_sources ps SET person_id = l.person_id
    FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS l(person_id uuid, source_system_id uuid, external_id text)
    WHERE ps.tenant_id = ${tenantId}::uuid AND ps.source_system_id = l.source_system_id AND ps.external_id = l.external_id
      AND ps.person_id IS DISTINCT FROM l.person_id`;
}
