import type { z } from "zod";
import { recordAudit } from "@idlife/db";
import type { RequestSnapshotDeps } from "../snapshots/request-snapshot.ts";
import { conflict } from "../use-case-error.ts";
import { mergeHistoryEntry, removeIfEmpty } from "./merge-records.ts";
import { decideSuggestion, type suggestionDecisionInput } from "./decide-suggestion.ts";

/** The held-back source record joins the suggested person; the persons are decided again. */
export function acceptMergeSuggestion(deps: RequestSnapshotDeps, input: z.input<typeof suggestionDecisionInput>) {
  return decideSuggestion(deps, input, async (tx, tenantId, suggestion) => {
    const source = await tx.personSource.findFirstOrThrow({ where: { tenantId, id: suggestion.personSourceId } });
    const candidate = await tx.person.findFirst({ where: { tenantId, id: suggestion.candidatePersonId } });
    if (!candidate) throw conflict("candidate_gone", "The suggested person no longer exists; reject this suggestion.");
    const previousPersonId = source.personId;
    await tx.personSource.update({ where: { id: source.id }, data: { personId: candidate.id } });
    await tx.mergeSuggestion.update({ where: { id: suggestion.id }, data: { status: "accepted", decidedAt: new Date() } });
    // The other candidates of this record are answered by this decision.
    await tx.mergeSuggestion.updateMany({ where: { tenantId, personSourceId: source.id, status: "open" }, data: { status: "rejected", decidedAt: new Date() } });
    await removeIfEmpty(tx, tenantId, previousPersonId);
    await mergeHistoryEntry(tx, tenantId, candidate.id, "Merge", { joined: { sourceSystemId: source.sourceSystemId, sourceKey: source.externalId }, score: suggestion.score });
    await recordAudit(tx, { tenantId, action: "aggregation.accept", targetType: "merge_suggestion", targetId: suggestion.id, after: { candidatePersonId: candidate.id, sourceKey: source.externalId, score: suggestion.score } });
    return { id: suggestion.id, status: "accepted" as const };
  });
}
