import type { MergeSuggestion } from "@idlife/db";
import type { TenantScope } from "../tenant-scope.ts";
import { personRef } from "./merge-records.ts";

type SuggestionStatus = "open" | "accepted" | "rejected";
type SuggestedPerson = { id: string; externalId: string; displayName: string };
type SuggestedSource = { sourceSystemId: string; externalId: string; person: SuggestedPerson | null };

/** At most this many suggestions are listed, the strongest first. */
const MAX_SUGGESTIONS = 500;

/** A suggestion as the administrator decides it: the source record's person, the candidate, and the record. */
function toSuggestionView(row: MergeSuggestion, source: SuggestedSource | undefined, candidate: SuggestedPerson | undefined) {
  return {
    id: row.id,
    status: row.status,
    score: row.score,
    person: personRef(source?.person),
    candidate: personRef(candidate),
    sourceSystemId: source?.sourceSystemId ?? "",
    sourceKey: source?.externalId ?? "",
    createdAt: row.createdAt.toISOString(),
  };
}

/** The tenant's merge suggestions with one status, the strongest (then the oldest) first. */
export function listMergeSuggestions(deps: { db: TenantScope }, input: { status: SuggestionStatus }) {
  const { tenantId } = deps.db;
  return deps.db.run(async (tx) => {
    const rows = await tx.mergeSuggestion.findMany({ where: { tenantId, status: input.status }, orderBy: [{ score: "desc" }, { createdAt: "asc" }], take: MAX_SUGGESTIONS });
    const sources = await tx.personSource.findMany({ where: { tenantId, id: { in: rows.map((row) => row.personSourceId) } }, include: { person: true } });
    const candidates = await tx.person.findMany({ where: { tenantId, id: { in: rows.map((row) => row.candidatePersonId) } } });
    const sourceById = new Map(sources.map((source) => [source.id, source]));
    const candidateById = new Map(candidates.map((person) => [person.id, person]));
    return rows.map((row) => toSuggestionView(row, sourceById.get(row.personSourceId), candidateById.get(row.candidatePersonId)));
  });
}
