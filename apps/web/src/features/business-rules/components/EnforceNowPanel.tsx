import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { formatNumber } from "../../../lib/format.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { isEvaluationActive, useDecideBlockedMutation, useEnforcementOutcomeQuery, useEvaluationQuery, useStartEnforcementMutation, type Evaluation } from "../api/evaluation-queries.ts";
import { EvaluationSummary } from "./EvaluationSummary.tsx";

/** The button on the rules list: evaluate the published rules for everyone and enforce the plan now. */
export function EnforceNowButton() {
  const tenant = useCurrentTenant();
  const canOperate = usePermission("operate");
  const start = useStartEnforcementMutation(tenant.tenantId);
  if (!canOperate) return null;
  return (
    <>
      <button type="button" className="button" disabled={start.isPending} onClick={() => start.mutate()}>
        {start.isPending ? "Starting…" : "Evaluate and enforce now"}
      </button>
      {start.error && <ErrorAlert error={start.error} title="The evaluation was not started" />}
      {start.data && <EnforcementProgress key={start.data.id} evaluationId={start.data.id} />}
    </>
  );
}

function EnforcementProgress({ evaluationId }: { evaluationId: string }) {
  const tenant = useCurrentTenant();
  const evaluation = useEvaluationQuery(tenant.tenantId, evaluationId);
  const current = evaluation.data;
  return (
    <section className="panel" aria-label="Enforcement">
      <div className="panel__body">
        {evaluation.error && <ErrorAlert error={evaluation.error} />}
        {!current || isEvaluationActive(current) ? (
          <LoadingState label="Evaluating the published rules…" />
        ) : current.status === "failed" ? (
          <Alert tone="error" title="The evaluation failed">
            {current.error ?? "No reason was recorded."}
          </Alert>
        ) : (
          <EnforcementOutcome evaluation={current} />
        )}
      </div>
    </section>
  );
}

/** The blocked changes grouped by their reason: one threshold blocks a whole kind of change in a system. */
function blockReasons(changes: Array<{ state: string; blockReason: string | null }>): Map<string, number> {
  const reasons = new Map<string, number>();
  for (const change of changes) {
    if (change.state !== "blocked") continue;
    const reason = change.blockReason ?? "Blocked by a safety threshold.";
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return reasons;
}

function EnforcementOutcome({ evaluation }: { evaluation: Evaluation }) {
  const tenant = useCurrentTenant();
  const canConfigure = usePermission("configure");
  const outcome = useEnforcementOutcomeQuery(tenant.tenantId, evaluation);
  const decide = useDecideBlockedMutation(tenant.tenantId, evaluation.id);
  const changes = outcome.data ?? [];
  const enforcing = outcome.isPending || changes.some((change) => change.state === "planned");
  const blocked = blockReasons(changes);
  return (
    <>
      <EvaluationSummary evaluation={evaluation} />
      {outcome.error && <ErrorAlert error={outcome.error} />}
      {decide.error && <ErrorAlert error={decide.error} title="The blocked changes were not decided" />}
      {enforcing ? (
        <LoadingState label="Enforcing the plan…" />
      ) : (
        <Alert tone="success">
          Enforced: {formatNumber(changes.filter((change) => change.state === "enforced").length)} changes handed to the target systems.
        </Alert>
      )}
      {blocked.size > 0 && (
        <Alert tone="warning" title="Blocked by a safety threshold">
          <ul className="plain-list" aria-label="Block reasons">
            {[...blocked].map(([reason, count]) => (
              <li key={reason}>
                {reason} ({formatNumber(count)} changes)
              </li>
            ))}
          </ul>
          {canConfigure ? (
            <div className="button-row">
              <button type="button" className="button button--primary" disabled={decide.isPending} onClick={() => decide.mutate("approve")}>
                Approve
              </button>
              <button type="button" className="button" disabled={decide.isPending} onClick={() => decide.mutate("discard")}>
                Discard
              </button>
            </div>
          ) : (
            <p>An administrator approves or discards them.</p>
          )}
        </Alert>
      )}
    </>
  );
}
