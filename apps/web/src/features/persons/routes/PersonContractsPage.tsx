import { Link } from "react-router";
import type { Contract } from "../../../lib/idlife-core.ts";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { formatIsoDate, formatNumber } from "../../../lib/format.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useTenantToday } from "../../tenants/use-tenant-today.ts";
import type { PersonDetail } from "../api/person-queries.ts";
import { personPath } from "../person-paths.ts";
import { contractStateLabels, contractStateTones, contractViews } from "../contracts-view.ts";
import { usePerson } from "./PersonLayout.tsx";

export function PersonContractsPage() {
  const person = usePerson();
  const today = useTenantToday();
  const views = contractViews(person.data, today);

  return (
    <section className="panel" aria-labelledby="contracts-title">
      <header className="panel__header">
        <div>
          <h2 className="panel__title" id="contracts-title">
            Contracts
          </h2>
          <p className="panel__description">
            State on <time dateTime={today}>{formatIsoDate(today)}</time>; the primary contract decides the person's function, department and
            manager.
          </p>
        </div>
      </header>
      {views.length === 0 ? (
        <EmptyState icon="forms" title="No contracts">
          The source systems deliver no contracts for this person.
        </EmptyState>
      ) : (
        <div className="table-wrap panel__table">
          <table className="table table--compact">
            <caption className="visually-hidden">Contracts, primary first</caption>
            <thead>
              <tr>
                <th scope="col">Contract</th>
                <th scope="col">State</th>
                <th scope="col">Function</th>
                <th scope="col">Department</th>
                <th scope="col">Location</th>
                <th scope="col">Period</th>
                <th scope="col" className="table__number">
                  Fte
                </th>
                <th scope="col">Manager</th>
              </tr>
            </thead>
            <tbody>
              {views.map(({ contract, state, primary }) => (
                <tr key={contract.ExternalId} className={state === "expired" ? "is-muted" : undefined}>
                  <td className="table__nowrap">
                    <code className="code">{contract.ExternalId}</code>
                    {primary && <span className="badge badge--primary table__badge">Primary</span>}
                  </td>
                  <td>
                    <span className={`state state--${contractStateTones[state]}`}>
                      <span className="state__dot" aria-hidden="true" />
                      {contractStateLabels[state]}
                    </span>
                  </td>
                  <td>{reference(contract.Title) ?? <span className="muted">—</span>}</td>
                  <td>{contract.Department?.DisplayName ?? contract.Department?.ExternalId ?? <span className="muted">—</span>}</td>
                  <td>{reference(contract.Location) ?? <span className="muted">—</span>}</td>
                  <td className="table__nowrap">{period(contract)}</td>
                  <td className="table__number">
                    {typeof contract.Details?.Fte === "number" ? formatNumber(contract.Details.Fte) : <span className="muted">—</span>}
                  </td>
                  <td>
                    <ContractManager externalId={contract.Manager?.ExternalId} managers={person.contractManagers} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The manager by name, linked to their page, as on the Information tab; the id alone when no such person is known. */
function ContractManager({ externalId, managers }: { externalId: string | null | undefined; managers: PersonDetail["contractManagers"] }) {
  const tenant = useCurrentTenant();
  if (!externalId) return <span className="muted">—</span>;
  const manager = managers.find((candidate) => candidate.externalId === externalId);
  if (!manager) {
    return (
      <>
        {externalId} <span className="field-list__meta">not a known person</span>
      </>
    );
  }
  return (
    <Link to={personPath(tenant.tenantSlug, manager.personId)} title={`External id ${externalId}`}>
      {manager.displayName || externalId}
    </Link>
  );
}

function reference(value: { Name?: string | null; Code?: string | null; ExternalId?: string | null } | null | undefined): string | undefined {
  return value?.Name ?? value?.Code ?? value?.ExternalId ?? undefined;
}

function period(contract: Contract): string {
  const start = contract.StartDate ? formatIsoDate(contract.StartDate) : "…";
  const end = contract.EndDate ? formatIsoDate(contract.EndDate) : "open ended";
  return `${start} – ${end}`;
}
