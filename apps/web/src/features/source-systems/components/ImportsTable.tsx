import type { Import } from "@idlife/contracts";
import { Fragment, useState } from "react";
import { Table } from "../../../components/DataTable.tsx";
import { formatDateTime, formatDuration, formatNumber, formatTime } from "../../../lib/format.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { isImportActive, useImportQuery } from "../api/import-queries.ts";
import { importCountColumns, importTriggerLabels } from "../import-progress.ts";
import { ImportDetails } from "./ImportDetails.tsx";
import { ImportStatusBadge } from "./ImportStatusBadge.tsx";

/** Recent imports, newest first; a blocked or failed one (or one that blocked persons) opens with its report. */
export function ImportsTable({ imports }: { imports: Import[] }) {
  const [openId, setOpenId] = useState<string | undefined>(() => {
    const newest = imports[0];
    return newest && ["blocked", "failed", "completed_with_blocked"].includes(newest.state) ? newest.id : undefined;
  });

  return (
    <Table
      caption="Imports, newest first"
      className="table--compact imports-table"
      columns={["Status", "Started", "Finished", ...importCountColumns.map((column) => ({ label: column.label, className: "table__number" })), { label: "Details", hidden: true }]}
    >
      {imports.map((run) => {
        const rowProps = { run, open: openId === run.id, onToggle: () => setOpenId(openId === run.id ? undefined : run.id) };
        return isImportActive(run) ? <LiveImportRow key={run.id} {...rowProps} /> : <ImportRow key={run.id} {...rowProps} />;
      })}
    </Table>
  );
}

interface ImportRowProps {
  run: Import;
  open: boolean;
  onToggle: () => void;
}

/** A running import's row follows the same once-a-second poll as the progress bar (one request). */
function LiveImportRow(props: ImportRowProps) {
  const tenant = useCurrentTenant();
  const live = useImportQuery(tenant.tenantId, props.run).data ?? props.run;
  return <ImportRow {...props} run={live} />;
}

function ImportRow({ run, open, onToggle }: ImportRowProps) {
  const started = run.startedAt ?? run.createdAt;
  return (
    <Fragment>
      <tr className={open ? "is-open" : undefined}>
        <td>
          <ImportStatusBadge run={run} />
          {run.warnings.length > 0 && (
            <span className="table__meta">{run.warnings.length === 1 ? "1 warning" : `${formatNumber(run.warnings.length)} warnings`}</span>
          )}
        </td>
        <td className="table__nowrap">
          <time dateTime={started}>{formatDateTime(started)}</time>
          <span className="table__meta">{importTriggerLabels[run.trigger] ?? run.trigger}</span>
        </td>
        <td className="table__nowrap">
          {run.finishedAt ? (
            <>
              <time dateTime={run.finishedAt}>{formatFinished(started, run.finishedAt)}</time>
              {run.startedAt && <span className="table__meta">took {formatDuration(run.startedAt, run.finishedAt)}</span>}
            </>
          ) : (
            <span className="muted">—</span>
          )}
        </td>
        {importCountColumns.map((column) => (
          <td key={column.key} className="table__number">
            {run.persons ? formatNumber(run.persons[column.key]) : <span className="muted">—</span>}
          </td>
        ))}
        <td className="table__actions">
          <button type="button" className="button button--quiet button--small" aria-expanded={open} aria-controls={`import-${run.id}`} onClick={onToggle}>
            {open ? "Hide" : "Details"}
            <span className="visually-hidden"> of the import started {formatDateTime(started)}</span>
          </button>
        </td>
      </tr>
      {open && (
        <tr className="imports-table__details" id={`import-${run.id}`}>
          <td colSpan={importCountColumns.length + 4}>
            <ImportDetails run={run} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

/** The finish time alone when the import ended on the day it started (nearly always). */
function formatFinished(startedIso: string, finishedIso: string): string {
  const sameDay = new Date(startedIso).toDateString() === new Date(finishedIso).toDateString();
  return sameDay ? formatTime(finishedIso) : formatDateTime(finishedIso);
}
