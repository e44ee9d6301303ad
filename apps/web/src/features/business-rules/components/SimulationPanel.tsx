import type { BusinessRuleView } from "@idlife/contracts";
import { useState } from "react";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { ConfirmDialog } from "../../../components/ConfirmDialog.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { ProgressBar } from "../../../components/ProgressBar.tsx";
import { getErrorMessage } from "../../../lib/api/api-error.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePublishBusinessRuleMutation } from "../api/business-rule-queries.ts";
import { isEvaluationActive, useEvaluationQuery, useStartSimulationMutation } from "../api/evaluation-queries.ts";
import { EvaluationChanges } from "./EvaluationChanges.tsx";
import { EvaluationSummary } from "./EvaluationSummary.tsx";

/**
 * Simulate the rule's draft on the live persons (nothing changes in any target), read the diff,
 * and publish with that simulation: the confirmation shows the same diff again. A simulation
 * of an older draft cannot publish a newer one; the API says so (409) and the message is shown.
 * The page gives each draft its own panel (keyed by the draft), so a saved change starts afresh.
 */
export function SimulationPanel({ rule, canConfigure }: { rule: BusinessRuleView; canConfigure: boolean }) {
  const tenant = useCurrentTenant();
  const [evaluationId, setEvaluationId] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const start = useStartSimulationMutation(tenant.tenantId);
  const evaluation = useEvaluationQuery(tenant.tenantId, evaluationId);
  const publish = usePublishBusinessRuleMutation(tenant.tenantId, rule.id);
  const run = evaluation.data;
  const draft = rule.draft;
  const completed = run?.status === "completed" ? run : undefined;

  return (
    <Panel
      title="Simulation"
      description="What the saved draft would grant and revoke today, on the live persons. Nothing changes in any target system."
      actions={
        draft && canConfigure ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={start.isPending || (run !== undefined && isEvaluationActive(run))}
            onClick={() => {
              start.mutate([draft.id], { onSuccess: (started) => setEvaluationId(started.id) });
            }}
          >
            Simulate
          </button>
        ) : undefined
      }
    >
      {!draft && rule.published && (
        <Alert tone="success">Published version {rule.published.version} is enforced. Change the rule to make a draft to simulate.</Alert>
      )}
      {start.error && <ErrorAlert error={start.error} title="The simulation did not start" />}
      {run && isEvaluationActive(run) && <ProgressBar label={run.status === "queued" ? "Simulation queued…" : "Simulating…"} />}
      {run?.status === "failed" && <Alert tone="error" title="The simulation failed">{run.error ?? "No reason was given."}</Alert>}
      {completed && (
        <section aria-label="Simulation result">
          <EvaluationSummary evaluation={completed} />
          <EvaluationChanges evaluation={completed} />
          {draft && canConfigure && (
            <div className="toolbar">
              <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
                Publish…
              </button>
            </div>
          )}
        </section>
      )}
      {completed && (
        <ConfirmDialog
          open={confirming}
          title={`Publish “${rule.name}”?`}
          confirmLabel="Publish"
          pendingLabel="Publishing…"
          tone="primary"
          isPending={publish.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() => publish.mutate(completed.id, { onSuccess: () => setConfirming(false) })}
        >
          <p>Once published, the rule is enforced. This is what it changes:</p>
          <EvaluationSummary evaluation={completed} />
          {publish.error && (
            <Alert tone="error" title="Not published">
              {getErrorMessage(publish.error)}
            </Alert>
          )}
        </ConfirmDialog>
      )}
    </Panel>
  );
}
