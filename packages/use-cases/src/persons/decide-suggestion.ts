import { z } from "zod";
import type { TenantId, TransactionClient } from "@idlife/db";
import { requestSnapshot, type RequestSnapshotDeps } from "../snapshots/request-snapshot.ts";
import { parseInput } from "../tenant-scope.ts";
import { openSuggestion } from "./merge-records.ts";

export const suggestionDecisionInput = z.strictObject({ suggestionId: z.uuid() });

type OpenSuggestion = Awaited<ReturnType<typeof openSuggestion>>;

/**
 * Accepting and rejecting alike: the suggestion must still be open, the decision is one
 * transaction, and afterwards the persons are decided again.
 */
export async function decideSuggestion<Result>(
  deps: RequestSnapshotDeps,
  input: z.input<typeof suggestionDecisionInput>,
  decide: (tx: TransactionClient, tenantId: TenantId, suggestion: OpenSuggestion) => Promise<Result>,
): Promise<Result> {
  const { suggestionId } = parseInput(suggestionDecisionInput, input);
  const tenantId = deps.db.tenantId;
  const result = await deps.db.run(async (tx) => decide(tx, tenantId, await openSuggestion(tx, tenantId, suggestionId)));
  await requestSnapshot(deps, { cause: "merge" });
  return result;
}
