import { z } from "zod";
import { recordAudit } from "@idlife/db";
import { requestSnapshot, type RequestSnapshotDeps } from "../snapshots/request-snapshot.ts";
import { parseInput } from "../tenant-scope.ts";
import { openSuggestion } from "./merge-records.ts";

export const rejectMergeSuggestionInput = z.strictObject({ suggestionId: z.uuid() });

/** They are different people: the held-back person is processed on its own once nothing else holds it back. */
export async function rejectMergeSuggestion(deps: RequestSnapshotDeps, input: z.input<typeof rejectMergeSuggestionInput>) {
  const { suggestionId } = parseInput(rejectMergeSuggestionInput, input);
  const tenantId = deps.db.tenantId;
  const result = await deps.db.run(async (tx) => {
    const suggestion = await openSuggestion(tx, tenantId, suggestionId);
    await tx.mergeSuggestion.update({ where: { id: suggestion.id }, data: { status: "rejected", decidedAt: new Date() } });
    const source = await tx.personSource.findFirstOrThrow({ where: { tenantId, id: suggestion.personSourceId } });
    const stillOpen = source.personId
      ? await tx.mergeSuggestion.count({ where: { tenantId, status: "open", personSourceId: { in: (await tx.personSource.findMany({ where: { tenantId, personId: source.personId }, select: { id: true } })).map((row) => row.id) } } })
      : 0;
    if (source.personId && stillOpen === 0) await tx.person.updateMany({ where: { tenantId, id: source.personId }, data: { pendingMerge: false } });
    await recordAudit(tx, { tenantId, action: "aggregation.reject", targetType: "merge_suggestion", targetId: suggestion.id, after: { candidatePersonId: suggestion.candidatePersonId, sourceKey: source.externalId } });
    return { id: suggestion.id, status: "rejected" as const };
  });
  await requestSnapshot(deps, { cause: "merge" });
  return result;
}
