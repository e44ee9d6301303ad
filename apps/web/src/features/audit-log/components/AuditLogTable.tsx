import type { AuditEntry } from "@idlife/contracts";
import { formatDateTime } from "../../../lib/format.ts";

const actorTypeLabels: Record<AuditEntry["actorType"], string | undefined> = {
  user: undefined,
  api_key: "API key",
  system: "System",
};

export function AuditLogTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Audit log entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="table__nowrap">
                <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
              </td>
              <td>
                {entry.actorLabel}
                {showActorType(entry) && (
                  <span className="badge badge--neutral table__badge">{actorTypeLabels[entry.actorType]}</span>
                )}
              </td>
              <td>
                <code className="code">{entry.action}</code>
              </td>
              <td>
                {entry.targetType ? (
                  <>
                    {entry.targetType}
                    {entry.targetId && <span className="table__secondary"> {entry.targetId}</span>}
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "API key" or "System" next to the actor, unless the label already says so. */
function showActorType(entry: AuditEntry): boolean {
  const typeLabel = actorTypeLabels[entry.actorType];
  return typeLabel !== undefined && typeLabel.toLowerCase() !== entry.actorLabel.toLowerCase();
}
