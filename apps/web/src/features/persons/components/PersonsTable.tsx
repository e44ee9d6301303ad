import type { personSummarySchema } from "@idlife/contracts";
import type { z } from "zod";
import { DataTable, PrimaryLink } from "../../../components/DataTable.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { personPath } from "../person-paths.ts";
import { PersonStatusBadge } from "./PersonStatusBadge.tsx";

type PersonSummary = z.output<typeof personSummarySchema>;

export function PersonsTable({ persons }: { persons: PersonSummary[] }) {
  const tenant = useCurrentTenant();
  return (
    <DataTable
      caption="Persons"
      columns={["Name", "External id", "Status", "Primary contract", "Department"]}
      flush={false}
      items={persons}
      renderRow={(person) => (
        <>
          <td>
            <PrimaryLink to={personPath(tenant.tenantSlug, person.id)}>{person.displayName || <span className="muted">(no name)</span>}</PrimaryLink>
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
        </>
      )}
    />
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
