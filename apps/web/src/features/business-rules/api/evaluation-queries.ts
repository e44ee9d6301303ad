import type { evaluationSchema } from "@idlife/contracts";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { useApiMutation, useApiQuery } from "../../../lib/api/api-queries.ts";
import { evaluationKeys, type ChangesFilter } from "./business-rule-keys.ts";

export type Evaluation = z.output<typeof evaluationSchema>;

const POLL_INTERVAL_MS = 1_000;
export const CHANGES_PAGE_SIZE = 100;

export function isEvaluationActive(evaluation: Pick<Evaluation, "status">): boolean {
  return evaluation.status === "queued" || evaluation.status === "running";
}

/** Simulates the drafts named (this rule's) on the live persons: a plan, changing nothing. */
export function useStartSimulationMutation(tenantId: string) {
  return useMutation({
    mutationFn: (draftVersionIds: string[]) => api.evaluations.start({ body: { mode: "simulation", draftVersionIds } }, { tenantId }),
  });
}

/** One evaluation, polled every second until it has completed or failed. */
export function useEvaluationQuery(tenantId: string, evaluationId: string | undefined) {
  return useApiQuery(evaluationKeys.detail(tenantId, evaluationId ?? ""), (call) => api.evaluations.get({ params: { id: evaluationId! } }, call), {
    enabled: evaluationId !== undefined,
    refetchInterval: (current) => (current.state.data && !isEvaluationActive(current.state.data) ? false : POLL_INTERVAL_MS),
  });
}

export function useEvaluationChangesQuery(tenantId: string, evaluationId: string, filter: ChangesFilter) {
  return useApiQuery(
    evaluationKeys.changes(tenantId, evaluationId, filter),
    (call) =>
      api.evaluations.changes(
        { params: { id: evaluationId }, query: { ...(filter.action ? { action: filter.action } : {}), ...(filter.type ? { type: filter.type } : {}), limit: CHANGES_PAGE_SIZE, offset: filter.offset } },
        call,
      ),
    { placeholderData: (previous) => previous },
  );
}

export function usePersonRulesQuery(tenantId: string, personId: string) {
  return useApiQuery(evaluationKeys.personRules(tenantId, personId), (call) => api.evaluations.personRules({ params: { id: personId }, query: {} }, call));
}

/** Evaluates the published rules for everyone and enforces the plan (through the safety thresholds). */
export function useStartEnforcementMutation(tenantId: string) {
  return useMutation({
    mutationFn: () => api.evaluations.start({ body: { mode: "published", enforce: true } }, { tenantId }),
  });
}

/** The most changes read to find the blocked ones; the API's page maximum. */
const OUTCOME_PAGE_SIZE = 500;

/**
 * An enforced evaluation's changes with their states, once it has completed. The worker enforces
 * right after completing, so this polls while any change is still only planned.
 */
export function useEnforcementOutcomeQuery(tenantId: string, evaluation: Evaluation | undefined) {
  const evaluationId = evaluation?.id ?? "";
  return useApiQuery(
    [...evaluationKeys.one(tenantId, evaluationId), "outcome"],
    (call) => api.evaluations.changes({ params: { id: evaluationId }, query: { limit: OUTCOME_PAGE_SIZE, offset: 0 } }, call),
    {
      enabled: evaluation?.status === "completed",
      refetchInterval: (current) => (current.state.data?.some((change) => change.state === "planned") ? POLL_INTERVAL_MS : false),
    },
  );
}

/** Approves (once) or discards the changes a safety threshold blocked. */
export function useDecideBlockedMutation(tenantId: string, evaluationId: string) {
  return useApiMutation((decision: "approve" | "discard") => api.evaluations.decideBlocked({ params: { id: evaluationId }, body: { decision } }, { tenantId }), {
    refresh: [evaluationKeys.one(tenantId, evaluationId)],
  });
}
