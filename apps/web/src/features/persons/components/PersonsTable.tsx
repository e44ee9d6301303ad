import type { personSummarySchema } from "@idlife/contracts";
import { Link } from "react-router";
import type { z } from "zod";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { personPath } from "../person-paths.ts";
import { PersonStatusBadge } from "./PersonStatusBadge.tsx";

type PersonSummary = z.output<typeof personSummarySchema>;

export function PersonsTable({ persons }: { persons: PersonSummary[] }) {
  const tenant = useCurrentTenant();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Persons</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">External id</th>
            <th scope="col">Status</th>
            <th scope="col">Primary contract</th>
            <th scope="col">Department</th>
          </tr>
        </thead>
        <tbody>
          {persons.map((person) => (
            <tr key={person.id}>
              <td>
                <Link className="table__primary-link" to={personPath(tenant.tenantSlug, person.id)}>
                  {person.displayName || <span className="muted">(no name)</span>}
                </Link>
                {person.excluded && <span className="badge badge--warning table__badge">Excluded</span>}
                {person.pendingMerge && <span className="badge badge--info table__badge">Merge pending</span>}
              </td>
              <td>
                <code className="code">{person.externalId}</code>
              </td>
              <td>
                <PersonStatusBadge status={person.status} />
              </td>
              <td>{person.primaryContractId ?? <span className="muted">—</span>}</td>
              <td>
                <DepartmentName person={person} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The department's name with its code beside it (the code is what HR and the filter use); the code alone when no name is known. */
function DepartmentName({ person }: { person: PersonSummary }) {
  if (!person.departmentId) return <span className="muted">—</span>;
  if (!person.departmentName) return <code className="code">{person.departmentId}</code>;
  return (
    <span title={`Department code ${person.departmentId}`}>
      {person.departmentName}
      <span className="table__secondary"> {person.departmentId}</span>
    </span>
  );
}
