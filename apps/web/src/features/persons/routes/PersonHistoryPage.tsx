import { EmptyState } from "../../../components/EmptyState.tsx";
import { QueryView } from "../../../components/pages/QueryView.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePersonHistoryQuery, type PersonHistoryEntry } from "../api/person-queries.ts";
import { causeLabels, groupHistory, HIDDEN_VALUE, historyRows, historyValue } from "../history-view.ts";
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
      <QueryView
        query={history}
        loadingLabel="Loading history…"
        padError
        empty={<EmptyState icon="audit" title="No changes yet">Changes appear here when an import or a configuration change alters this person.</EmptyState>}
      >
        {(entries) => (
          <ol className="timeline">
            {groupHistory(entries).map((group) => (
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
                    {group.entries.flatMap((entry) =>
                      historyRows(entry).map((row) => (
                        <tr key={row.key} className={`diff__row diff__row--${entry.kind}`}>
                          <th scope="row" className="diff__field">
                            {row.field}
                          </th>
                          <td className="diff__old">
                            <HistoryValue value={row.oldValue} change="old" />
                          </td>
                          <td className="diff__arrow" aria-hidden="true">
                            →
                          </td>
                          <td className="diff__new">
                            <HistoryValue value={row.newValue} change="new" />
                          </td>
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              </li>
            ))}
          </ol>
        )}
      </QueryView>
    </section>
  );
}

/** A value marked as removed or added; a value the caller's role may not see says so. */
function HistoryValue({ value, change }: { value: unknown; change: "old" | "new" }) {
  const text = historyValue(value);
  if (!text) return <span className="diff__none">(none)</span>;
  if (value === HIDDEN_VALUE) return <span className="diff__none">hidden (personal contact data)</span>;
  return change === "old" ? <del>{text}</del> : <ins>{text}</ins>;
}
