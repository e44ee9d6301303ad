import { z } from "zod";
import { recordAudit } from "@idlife/db";
import { requestSnapshot, type RequestSnapshotDeps } from "../snapshots/request-snapshot.ts";
import { parseInput } from "../tenant-scope.ts";
import { conflict, notFound } from "../use-case-error.ts";
import { mergeHistoryEntry } from "./merge-records.ts";

export const unmergePersonInput = z.strictObject({ personId: z.uuid(), sourceSystemId: z.uuid(), sourceKey: z.string().min(1).max(200) });

/** Splits one source record off a person; it becomes a person of its own and is never merged back automatically. */
export async function unmergePerson(deps: RequestSnapshotDeps, input: z.input<typeof unmergePersonInput>) {
  const { personId, sourceSystemId, sourceKey } = parseInput(unmergePersonInput, input);
  const tenantId = deps.db.tenantId;
  await deps.db.run(async (tx) => {
    const person = await tx.person.findFirst({ where: { tenantId, id: personId } });
    if (!person) throw notFound("Person");
    const source = await tx.personSource.findFirst({ where: { tenantId, personId: person.id, sourceSystemId, externalId: sourceKey } });
    if (!source) throw notFound("Source record of this person");
    if ((await tx.personSource.count({ where: { tenantId, personId: person.id } })) < 2) {
      throw conflict("single_source", "This person has only one source record; there is nothing to split off.");
    }
    await tx.personSource.update({ where: { id: source.id }, data: { personId: null } });
    // Remembered as a rejected pairing, so aggregation never joins them again by itself.
    await tx.mergeSuggestion.upsert({
      where: { tenantId_personSourceId_candidatePersonId: { tenantId, personSourceId: source.id, candidatePersonId: person.id } },
      create: { tenantId, personSourceId: source.id, candidatePersonId: person.id, score: 0, status: "rejected", decidedAt: new Date() },
      update: { status: "rejected", decidedAt: new Date() },
    });
    await mergeHistoryEntry(tx, tenantId, person.id, "Unmerge", { splitOff: { sourceSystemId: source.sourceSystemId, sourceKey: source.externalId } });
    await recordAudit(tx, { tenantId, action: "person.unmerge", targetType: "person", targetId: person.id, after: { sourceSystemId: source.sourceSystemId, sourceKey: source.externalId } });
  });
  await requestSnapshot(deps, { cause: "merge" });
  return { personId };
}
