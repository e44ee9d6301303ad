import { EmptyState } from "../../../components/EmptyState.tsx";
import { QueryView } from "../../../components/pages/QueryView.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useBlockedPersonsQuery } from "../api/raw-data-queries.ts";
import { useSourceSystem } from "./SourceSystemLayout.tsx";

/** Persons this source delivers that the mapping blocked; they keep their last known state. */
export function BlockedPersonsPage() {
  const sourceSystem = useSourceSystem();
  const tenant = useCurrentTenant();
  const blocked = useBlockedPersonsQuery(tenant.tenantId, sourceSystem.id);

  return (
    <section className="panel" aria-labelledby="blocked-title">
      <header className="panel__header">
        <div>
          <h2 className="panel__title" id="blocked-title">
            Blocked persons
          </h2>
          <p className="panel__description">
            Delivered by this source but not mapped: a required field is empty or a script failed. They keep their last known state
            until the data or the mapping is fixed.
          </p>
        </div>
      </header>
      <QueryView
        query={blocked}
        loadingLabel="Loading blocked persons…"
        padError
        empty={<EmptyState icon="check" title="No blocked persons">Every person in the latest import was mapped.</EmptyState>}
      >
        {(persons) => (
          <div className="table-wrap panel__table">
            <table className="table">
              <caption className="visually-hidden">Blocked persons and why</caption>
              <thead>
                <tr>
                  <th scope="col">Source key</th>
                  <th scope="col">Reasons</th>
                </tr>
              </thead>
              <tbody>
                {persons.map((person) => (
                  <tr key={person.externalId}>
                    <td className="table__nowrap">
                      <code className="code">{person.externalId}</code>
                    </td>
                    <td>
                      <ul className="reason-list">
                        {person.reasons.map((reason) => (
                          <li key={reason}>{reason}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </section>
  );
}
