import { DataTable } from "../../../components/DataTable.tsx";
import { formatNumber } from "../../../lib/format.ts";
import type { Evaluation } from "../api/evaluation-queries.ts";
import { diffRows, typeLabels } from "../evaluation-diff.ts";

/** The counts of a simulation (grants and revokes per kind) and its test-case outcomes; shown on the page and again when publishing. */
export function EvaluationSummary({ evaluation }: { evaluation: Evaluation }) {
  const testCases = evaluation.counts.testCases ?? [];
  return (
    <div className="evaluation-summary">
      <p>
        {formatNumber(evaluation.counts.persons ?? 0)} persons evaluated for {evaluation.today}: {formatNumber(evaluation.counts.grants ?? 0)} grants,{" "}
        {formatNumber(evaluation.counts.revokes ?? 0)} revokes.
      </p>
      <DataTable
        caption="Changes by kind"
        columns={["Kind", "Grants", "Revokes"]}
        items={diffRows(evaluation.counts.byKind).map((row) => ({ ...row, id: row.type }))}
        renderRow={(row) => (
          <>
            <th scope="row">{typeLabels[row.type]}</th>
            <td>{formatNumber(row.grants)}</td>
            <td>{formatNumber(row.revokes)}</td>
          </>
        )}
      />
      {testCases.length > 0 && (
        <ul className="plain-list" aria-label="Test cases">
          {testCases.map((outcome) => (
            <li key={`${outcome.ruleId}-${outcome.name}`}>
              <span className={`badge ${outcome.passed ? "badge--success" : "badge--danger"}`}>{outcome.passed ? "Pass" : "Fail"}</span> {outcome.name}
              {outcome.message && <span className="muted"> — {outcome.message}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
