import type { AuditEntry, AuditFilter } from "@idlife/contracts";
import { Fragment, useState } from "react";
import { Table } from "../../../components/DataTable.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { AuditChanges } from "./AuditChanges.tsx";
import { targetTypeLabels } from "./AuditLogFilters.tsx";

const actorTypeLabels: Record<AuditEntry["actorType"], string | undefined> = {
  user: undefined,
  api_key: "API key",
  system: "System",
};

/** `onFilter` narrows the log to an entry's actor or object (a click on its name). */
export function AuditLogTable({ entries, onFilter }: { entries: AuditEntry[]; onFilter: (change: Partial<AuditFilter>) => void }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Table caption="Audit log entries, newest first" columns={["Time", "Actor", "Action", "Object", { label: "Changes", hidden: true }]}>
      {entries.map((entry) => {
        const hasValues = entry.before !== null || entry.after !== null;
        const expanded = open.has(entry.id);
        return (
          <Fragment key={entry.id}>
            <tr>
              <td className="table__nowrap">
                <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
              </td>
              <td>
                {entry.actorId ? (
                  <button
                    type="button"
                    className="audit-log__filter-link"
                    title={`Show only entries by ${entry.actorLabel}`}
                    onClick={() => onFilter({ actorType: entry.actorType, actorId: entry.actorId ?? undefined })}
                  >
                    {entry.actorLabel}
                  </button>
                ) : (
                  entry.actorLabel
                )}
                {showActorType(entry) && <span className="badge badge--neutral table__badge">{actorTypeLabels[entry.actorType]}</span>}
              </td>
              <td>
                <code className="code">{entry.action}</code>
              </td>
              <td>
                <Target entry={entry} onFilter={onFilter} />
              </td>
              <td className="table__actions">
                {hasValues && (
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-expanded={expanded}
                    aria-controls={`audit-changes-${entry.id}`}
                    onClick={() => toggle(entry.id)}
                  >
                    {expanded ? "Hide changes" : "Show changes"}
                  </button>
                )}
              </td>
            </tr>
            {expanded && (
              <tr id={`audit-changes-${entry.id}`} className="audit-log__details">
                <td colSpan={5}>
                  <AuditChanges entry={entry} />
                </td>
              </tr>
            )}
          </Fragment>
        );
      })}
    </Table>
  );
}

/** The object by name ("Source system HR export"), its id beside it; the id alone when it has no name. */
function Target({ entry, onFilter }: { entry: AuditEntry; onFilter: (change: Partial<AuditFilter>) => void }) {
  if (!entry.targetType) return <span className="muted">—</span>;
  const type = targetTypeLabels[entry.targetType] ?? entry.targetType;
  const { targetType, targetId } = entry;
  return (
    <>
      {type}{" "}
      {entry.targetLabel && targetId ? (
        <button type="button" className="audit-log__filter-link audit-log__target-name" title={`Show only entries about ${entry.targetLabel}`} onClick={() => onFilter({ targetType, targetId })}>
          {entry.targetLabel}
        </button>
      ) : (
        entry.targetLabel && <strong className="audit-log__target-name">{entry.targetLabel}</strong>
      )}
      {entry.targetId && <span className="table__secondary"> {entry.targetId}</span>}
    </>
  );
}

/** "API key" or "System" next to the actor, unless the label already says so. */
function showActorType(entry: AuditEntry): boolean {
  const typeLabel = actorTypeLabels[entry.actorType];
  return typeLabel !== undefined && typeLabel.toLowerCase() !== entry.actorLabel.toLowerCase();
}
