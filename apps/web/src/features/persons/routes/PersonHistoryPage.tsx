import { ErrorAlert } from "../../../components/Alert.tsx";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { JsonView } from "../../../components/JsonView.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePersonHistoryQuery, type PersonHistoryEntry } from "../api/person-queries.ts";
import { causeLabels, describeHistoryField, groupHistory, historyValue } from "../history-view.ts";
import { usePerson } from "./PersonLayout.tsx";

const causeTones: Record<PersonHistoryEntry["cause"], string> = {
  import: "info",
  configuration: "primary",
  merge: "warning",
  manual: "neutral",
};

export function PersonHistoryPage() {
  const person = usePerson();
  const tenant = useCurrentTenant();
  const history = usePersonHistoryQuery(tenant.tenantId, person.id);

  return (
    <section className="panel" aria-labelledby="history-title">
      <header className="panel__header">
        <div>
          <h2 className="panel__title" id="history-title">
            History
          </h2>
          <p className="panel__description">Every field that changed, when and why; newest first.</p>
        </div>
      </header>
      {history.isPending ? (
        <LoadingState label="Loading history…" />
      ) : !history.data ? (
        <div className="panel__body">
          <ErrorAlert error={history.error} />
        </div>
      ) : history.data.length === 0 ? (
        <EmptyState icon="audit" title="No changes yet">
          Changes appear here when an import or a configuration change alters this person.
        </EmptyState>
      ) : (
        <ol className="timeline">
          {groupHistory(history.data).map((group) => (
            <li key={group.key} className="timeline__moment">
              <div className="timeline__header">
                <time dateTime={group.at}>{formatDateTime(group.at)}</time>
                <span className={`badge badge--${causeTones[group.cause]}`}>{causeLabels[group.cause]}</span>
                <span className="muted">{group.entries.length === 1 ? "1 change" : `${group.entries.length} changes`}</span>
              </div>
              <table className="diff">
                <caption className="visually-hidden">Changes at {formatDateTime(group.at)}</caption>
                <colgroup>
                  <col className="diff__col-field" />
                  <col />
                  <col className="diff__col-arrow" />
                  <col />
                </colgroup>
                <thead className="visually-hidden">
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Old value</th>
                    <td />
                    <th scope="col">New value</th>
                  </tr>
                </thead>
                <tbody>
                  {group.entries.map((entry) => (
                    <tr key={entry.id} className={`diff__row diff__row--${entry.kind}`}>
                      <th scope="row" className="diff__field">
                        {describeHistoryField(entry.field)}
                      </th>
                      <td className="diff__old">
                        <HistoryValue value={entry.oldValue} change="old" />
                      </td>
                      <td className="diff__arrow" aria-hidden="true">
                        →
                      </td>
                      <td className="diff__new">
                        <HistoryValue value={entry.newValue} change="new" />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Scalars inline, marked as removed or added; a whole person or contract folds open as JSON. */
function HistoryValue({ value, change }: { value: unknown; change: "old" | "new" }) {
  const text = historyValue(value);
  if (!text) return <span className="diff__none">(none)</span>;
  if (typeof value === "object" && value !== null) {
    const count = Object.keys(value).length;
    return (
      <details className="diff__details">
        <summary>{change === "old" ? "Removed: " : "Added: "}{count === 1 ? "1 field" : `${count} fields`}</summary>
        <JsonView value={value} maxHeight={320} />
      </details>
    );
  }
  return change === "old" ? <del>{text}</del> : <ins>{text}</ins>;
}
