import type { Import } from "@idlife/contracts";
import { Link } from "react-router";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { formatNumber } from "../../../lib/format.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { useApproveImportMutation } from "../api/import-queries.ts";
import { readThresholdReport, type ThresholdReport } from "../import-progress.ts";
import { sourceSystemPath } from "../source-system-paths.ts";

/** What an import did, or why it did not: the error, the warnings, the threshold report. */
export function ImportDetails({ run }: { run: Import }) {
  const report = readThresholdReport(run);
  return (
    <div className="import-details">
      {run.status === "failed" && (
        <Alert tone="error" title="The import failed; no person changed">
          {run.error ?? "No reason was recorded."}
        </Alert>
      )}
      {run.status === "blocked" && <BlockedReport run={run} report={report} />}
      {run.status === "superseded" && (
        <Alert tone="info">A later import that stayed within the thresholds replaced this blocked import.</Alert>
      )}
      {report?.approved && (
        <Alert tone="info" title="Approved once despite the thresholds">
          <ReasonList reasons={report.reasons.map((reason) => reason.message)} />
        </Alert>
      )}
      {run.state === "completed_with_blocked" && <BlockedPersonsNotice run={run} />}
      {run.warnings.length > 0 && <Warnings warnings={run.warnings} />}
      {run.status === "completed" && <PersonCountsSummary run={run} />}
    </div>
  );
}

const persons = (count: number) => `${formatNumber(count)} ${count === 1 ? "person" : "persons"}`;

/** What the import did to the persons of this source, in the words of the import table. */
function PersonCountsSummary({ run }: { run: Import }) {
  if (!run.persons) return <p className="muted">Completed.</p>;
  const { delivered, added, changed, unchanged, removed, blocked } = run.persons;
  const parts = [`${persons(delivered)} delivered`, `${formatNumber(added)} added`, `${formatNumber(changed)} changed`, `${formatNumber(unchanged)} unchanged`, `${formatNumber(removed)} removed`, `${formatNumber(blocked)} blocked`];
  const departments = run.counts.departments;
  return <p className="muted import-details__counts">{[...parts, ...(departments ? [`${formatNumber(departments)} departments`] : [])].join(" · ")}</p>;
}

function BlockedPersonsNotice({ run }: { run: Import }) {
  const tenant = useCurrentTenant();
  const blocked = run.persons?.blocked ?? 0;
  return (
    <Alert tone="warning" title={`${persons(blocked)} blocked by the mapping`}>
      <p>
        A blocked person keeps their last known data (a new one is not created) until the mapping maps them.{" "}
        <Link to={sourceSystemPath(tenant.tenantSlug, run.sourceSystemId, "blocked-persons")}>See the blocked persons and why</Link>.
      </p>
    </Alert>
  );
}

function BlockedReport({ run, report }: { run: Import; report: ThresholdReport | undefined }) {
  const tenant = useCurrentTenant();
  const canApprove = usePermission("configure");
  const approve = useApproveImportMutation(tenant.tenantId, run.sourceSystemId);

  return (
    <div className="blocked-report">
      <Alert tone="error" title="Blocked by a safety threshold; no person changed">
        <ReasonList reasons={report?.reasons.map((reason) => reason.message) ?? ["The import reached a threshold."]} />
      </Alert>
      {report && (
        <div className="would-grid">
          <WouldCard title="Would add" count={report.wouldAdd?.count} sample={report.wouldAdd?.sample} />
          <WouldCard title="Would remove" count={report.wouldRemove?.count} sample={report.wouldRemove?.sample} />
          <WouldCard title="Would change" count={report.wouldChange?.count} sample={report.wouldChange?.sample} />
          <WouldCard
            title="Blocked by the mapping"
            count={report.blocked?.count}
            sample={report.blocked?.sample.map((entry) => `${entry.sourceKey}: ${entry.reasons.join("; ")}`)}
          />
        </div>
      )}
      {approve.error && <ErrorAlert error={approve.error} title="The import was not approved" />}
      {canApprove ? (
        <div className="blocked-report__actions">
          <button type="button" className="button button--primary" disabled={approve.isPending} onClick={() => approve.mutate(run.id)}>
            {approve.isPending ? "Approving…" : "Approve once"}
          </button>
          <span className="muted">Applies exactly this import (its stored raw data), once. The thresholds stay as they are.</span>
        </div>
      ) : (
        <p className="muted">An owner or administrator can approve this import once.</p>
      )}
    </div>
  );
}

function WouldCard({ title, count, sample }: { title: string; count?: number; sample?: string[] }) {
  return (
    <section className="would-card" aria-label={title}>
      <h4 className="would-card__title">{title}</h4>
      <p className="would-card__count">{count === undefined ? "—" : formatNumber(count)}</p>
      {sample && sample.length > 0 && (
        <details className="would-card__sample">
          <summary>
            {sample.length < (count ?? 0) ? `First ${sample.length}` : "Show"} {sample.length === 1 ? "key" : "keys"}
          </summary>
          <ul>
            {sample.map((entry) => (
              <li key={entry}>
                <span className="would-card__entry">{entry}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

const SHOWN_WARNINGS = 5;

/** The source's warnings (rows left out, unknown columns): the first few, the rest on request. */
function Warnings({ warnings }: { warnings: string[] }) {
  const rest = warnings.slice(SHOWN_WARNINGS);
  return (
    <Alert tone="info" title={warnings.length === 1 ? "1 warning from the source data" : `${formatNumber(warnings.length)} warnings from the source data`}>
      <ReasonList reasons={warnings.slice(0, SHOWN_WARNINGS)} />
      {rest.length > 0 && (
        <details className="more-warnings">
          <summary>Show {formatNumber(rest.length)} more</summary>
          <ReasonList reasons={rest} />
        </details>
      )}
    </Alert>
  );
}

function ReasonList({ reasons }: { reasons: string[] }) {
  if (reasons.length === 1) return <p>{reasons[0]}</p>;
  return (
    <ul className="reason-list">
      {reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  );
}
