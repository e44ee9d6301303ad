import { z } from "zod";
import { recordAudit } from "@idlife/db";
import { requestSnapshot, type RequestSnapshotDeps } from "../snapshots/request-snapshot.ts";
import { parseInput } from "../tenant-scope.ts";
import { badRequest, notFound } from "../use-case-error.ts";
import { mergeHistoryEntry, personRef } from "./merge-records.ts";

export const mergePersonsInput = z.strictObject({ personId: z.uuid(), intoPersonId: z.uuid() });

/**
 * Merges a person into another by hand: every source record moves, the emptied person goes.
 * Both persons are looked up in the scope's tenant only, so a person of another tenant is "not found".
 */
export async function mergePersons(deps: RequestSnapshotDeps, input: z.input<typeof mergePersonsInput>) {
  const { personId, intoPersonId } = parseInput(mergePersonsInput, input);
  const tenantId = deps.db.tenantId;
  if (personId === intoPersonId) throw badRequest("same_person", "A person cannot be merged into themself.");
  await deps.db.run(async (tx) => {
    const [person, into] = await Promise.all([tx.person.findFirst({ where: { tenantId, id: personId } }), tx.person.findFirst({ where: { tenantId, id: intoPersonId } })]);
    if (!person || !into) throw notFound("Person");
    const moved = await tx.personSource.findMany({ where: { tenantId, personId: person.id } });
    await tx.personSource.updateMany({ where: { tenantId, personId: person.id }, data: { personId: into.id } });
    // A merge by hand settles any suggestion about these records.
    await tx.mergeSuggestion.updateMany({ where: { tenantId, status: "open", personSourceId: { in: moved.map((source) => source.id) } }, data: { status: "accepted", decidedAt: new Date() } });
    await tx.person.deleteMany({ where: { tenantId, id: person.id } });
    await mergeHistoryEntry(tx, tenantId, into.id, "Merge", { merged: { externalId: person.externalId, displayName: person.displayName, sources: moved.map((source) => ({ sourceSystemId: source.sourceSystemId, sourceKey: source.externalId })) } });
    await recordAudit(tx, { tenantId, action: "person.merge", targetType: "person", targetId: into.id, before: { person: personRef(person), into: personRef(into) }, after: { into: personRef(into), movedSources: moved.length } });
  });
  await requestSnapshot(deps, { cause: "merge" });
  return { personId: intoPersonId };
}
