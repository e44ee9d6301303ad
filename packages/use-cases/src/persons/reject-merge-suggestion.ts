import type { z } from "zod";
import { recordAudit } from "@idlife/db";
import { decideSuggestion, type suggestionDecisionInput } from "./decide-suggestion.ts";
import type { RequestSnapshotDeps } from "../snapshots/request-snapshot.ts";

/** They are different people: the held-back person is processed on its own once nothing else holds it back. */
export function rejectMergeSuggestion(deps: RequestSnapshotDeps, input: z.input<typeof suggestionDecisionInput>) {
  return decideSuggestion(deps, input, async (tx, tenantId, suggestion) => {
    await tx.mergeSuggestion.update({ where: { id: suggestion.id }, data: { status: "rejected", decidedAt: new Date() } });
    const source = await tx.personSource.findFirstOrThrow({ where: { tenantId, id: suggestion.personSourceId } });
    const stillOpen = source.personId
      ? await tx.mergeSuggestion.count({ where: { tenantId, status: "open", personSourceId: { in: (await tx.personSource.findMany({ where: { tenantId, personId: source.personId }, select: { id: true } })).map((row) => row.id) } } })
      : 0;
    if (source.personId && stillOpen === 0) await tx.person.updateMany({ where: { tenantId, id: source.personId }, data: { pendingMerge: false } });
    await recordAudit(tx, { tenantId, action: "aggregation.reject", targetType: "merge_suggestion", targetId: suggestion.id, after: { candidatePersonId: suggestion.candidatePersonId, sourceKey: source.externalId } });
    return { id: suggestion.id, status: "rejected" as const };
  });
}
