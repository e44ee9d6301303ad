import { Link } from "react-router";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { displayValue, formatIsoDate } from "../../../lib/format.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePersonRulesQuery } from "../api/evaluation-queries.ts";
import { businessRulePath } from "../business-rule-paths.ts";

/** "Why / why not": per published rule, whether the person is in scope, per contract, and the failed conditions with the values they met. */
export function PersonRulesReport({ personId }: { personId: string }) {
  const tenant = useCurrentTenant();
  const report = usePersonRulesQuery(tenant.tenantId, personId);
  const data = report.data;
  return (
    <Panel
      title="Rules"
      description={
        data && (
          <>
            The published rules on <time dateTime={data.today}>{formatIsoDate(data.today)}</time>: in scope or not, and which condition failed.
          </>
        )
      }
    >
      <div className="stack">
        {report.isPending ? (
          <LoadingState label="Loading the rules…" />
        ) : !data ? (
          <ErrorAlert error={report.error} />
        ) : (
          <>
            {data.excluded && <Alert tone="warning">Excluded from business rules: this person keeps every entitlement as it is and gets no action.</Alert>}
            {data.held && <Alert tone="warning">On hold after “revoke now”: nothing is granted again until the hold is lifted.</Alert>}
            {data.rules.length === 0 ? (
              <EmptyState icon="rules" title="No published rules">
                No rule is published yet, so nothing is granted by rules.
              </EmptyState>
            ) : (
              data.rules.map((rule) => (
                <article key={rule.ruleId} className="rule-report" aria-label={rule.ruleName}>
                  <h3 className="rule-report__title">
                    <Link to={businessRulePath(tenant.tenantSlug, rule.ruleId)}>{rule.ruleName}</Link>{" "}
                    <span className={`badge ${rule.inScope ? "badge--success" : "badge--neutral"}`}>{rule.inScope ? "In scope" : "Not in scope"}</span>
                  </h3>
                  <ul className="plain-list">
                    {rule.contracts.map((contract, index) => (
                      <li key={contract.contract ?? `person-${index}`}>
                        <span>{contract.contract ? `Contract ${contract.contract}` : "No contract"}</span>: {contract.inScope ? "satisfies the condition" : "does not satisfy:"}
                        {contract.failed.length > 0 && (
                          <ul className="reason-list">
                            {contract.failed.map((failed) => (
                              <li key={failed.path}>
                                <code className="code">{failed.text}</code>
                                <span className="muted">
                                  {failed.text === "not"
                                    ? ` (at ${failed.path}) — the condition it negates holds`
                                    : ` — the value is ${failed.actual === undefined || failed.actual === null || failed.actual === "" ? "empty" : displayValue(failed.actual)}`}
                                </span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </li>
                    ))}
                  </ul>
                </article>
              ))
            )}
          </>
        )}
      </div>
    </Panel>
  );
}
