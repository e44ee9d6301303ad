import { Link } from "react-router";
import { Panel } from "../../../components/Panel.tsx";
import { displayValue, formatDateTime, formatIsoDate } from "../../../lib/format.ts";
import { getPath } from "../../../lib/idlife-core.ts";
import { useSourceSystemsQuery } from "../../source-systems/api/source-system-queries.ts";
import { sourceSystemPath } from "../../source-systems/source-system-paths.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePersonQuery, type PersonDetail } from "../api/person-queries.ts";
import { PersonStatusBadge } from "../components/PersonStatusBadge.tsx";
import { describeContract, findPrimaryContract } from "../contracts-view.ts";
import { groupPersonFields, type FieldRow } from "../person-fields.ts";
import { personPath } from "../person-paths.ts";
import { usePerson } from "./PersonLayout.tsx";

export function PersonInformationPage() {
  const person = usePerson();
  const groups = groupPersonFields(person.data);
  return (
    <div className="person-info">
      <div className="person-info__fields">
        {groups.map((group) => (
          <Panel key={group.id} title={group.title}>
            {group.rows.length === 0 ? (
              <p className="muted">Nothing recorded.</p>
            ) : (
              <dl className="field-list">
                {group.rows.map((row) => (
                  <div key={row.path} className="field-list__row">
                    <dt title={row.path}>{row.label}</dt>
                    <dd>
                      <FieldValue row={row} />
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </Panel>
        ))}
      </div>
      <aside className="person-info__derived" aria-label="Derived">
        <DerivedPanel person={person} />
      </aside>
    </div>
  );
}

function FieldValue({ row }: { row: FieldRow }) {
  if (typeof row.value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(row.value)) {
    return <time dateTime={row.value}>{formatIsoDate(row.value)}</time>;
  }
  return <>{displayValue(row.value)}</>;
}

function DerivedPanel({ person }: { person: PersonDetail }) {
  const tenant = useCurrentTenant();
  const sourceSystems = useSourceSystemsQuery(tenant.tenantId).data;
  const primary = findPrimaryContract(person.data);
  const managerExternalId = getPath(person.data, "PrimaryManager.ExternalId");

  return (
    <Panel title="Derived" description="Decided by idlife from the contracts and settings.">
      <dl className="field-list field-list--stacked">
        <div className="field-list__row">
          <dt>Status</dt>
          <dd>
            <PersonStatusBadge status={person.status} />
            {person.formerSince && <span className="muted"> since {formatIsoDate(person.formerSince)}</span>}
          </dd>
        </div>
        {person.noLongerDeliveredSince && (
          <div className="field-list__row" data-testid="no-longer-delivered">
            <dt>No longer delivered since</dt>
            <dd>
              {formatDateTime(person.noLongerDeliveredSince)}
              {!everyContractEnds(person.data) && (
                <span className="field-list__meta">Not every contract has an end date, so the person is former since they were no longer delivered.</span>
              )}
            </dd>
          </div>
        )}
        <div className="field-list__row">
          <dt>Primary contract</dt>
          <dd>
            {primary ? (
              <Link to={personPath(tenant.tenantSlug, person.id, "contracts")}>{describeContract(primary)}</Link>
            ) : (
              <span className="muted">None</span>
            )}
            {primary && <span className="field-list__meta">{primary.ExternalId}</span>}
          </dd>
        </div>
        <div className="field-list__row">
          <dt>Manager</dt>
          <dd>
            {person.managerPersonId ? (
              <ManagerLink personId={person.managerPersonId} />
            ) : typeof managerExternalId === "string" ? (
              <>
                {managerExternalId} <span className="field-list__meta">not a known person</span>
              </>
            ) : (
              <span className="muted">None</span>
            )}
          </dd>
        </div>
        <div className="field-list__row">
          <dt>Source systems</dt>
          <dd>
            {person.sourceSystemIds.length === 0 ? (
              <span className="muted">None (no longer delivered)</span>
            ) : (
              <ul className="plain-list">
                {person.sourceSystemIds.map((id) => {
                  const sourceSystem = sourceSystems?.find((candidate) => candidate.id === id);
                  return (
                    <li key={id}>
                      {sourceSystem ? <Link to={sourceSystemPath(tenant.tenantSlug, id)}>{sourceSystem.name}</Link> : <code className="code">{id}</code>}
                    </li>
                  );
                })}
              </ul>
            )}
          </dd>
        </div>
        <div className="field-list__row">
          <dt>Known since</dt>
          <dd>{formatDateTime(person.createdAt)}</dd>
        </div>
        <div className="field-list__row">
          <dt>Last changed</dt>
          <dd>{formatDateTime(person.updatedAt)}</dd>
        </div>
      </dl>
    </Panel>
  );
}

function ManagerLink({ personId }: { personId: string }) {
  const tenant = useCurrentTenant();
  const manager = usePersonQuery(tenant.tenantId, personId).data;
  return <Link to={personPath(tenant.tenantSlug, personId)}>{manager ? manager.displayName || manager.externalId : "Open manager"}</Link>;
}

/** Whether every contract has an end date (else the person is former since no source delivered them). */
function everyContractEnds(data: Record<string, unknown>): boolean {
  const contracts = getPath(data, "Contracts");
  return Array.isArray(contracts) && contracts.length > 0 && contracts.every((contract) => typeof getPath(contract as Record<string, unknown>, "EndDate") === "string");
}
