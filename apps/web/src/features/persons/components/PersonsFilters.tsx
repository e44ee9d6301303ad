import { FilterBar, FilterField } from "../../../components/FilterBar.tsx";
import { Options } from "../../../components/Options.tsx";
import { useTypedFilters } from "../../../lib/use-typed-filters.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useSourceSystemsQuery } from "../../source-systems/api/source-system-queries.ts";
import type { PersonFilter } from "../person-filter.ts";
import { personStatusLabels } from "./PersonStatusBadge.tsx";

/**
 * Search and filters for the persons list. Selects apply at once; the search box applies on
 * Enter or after a short pause in typing, so every keystroke does not reload the list.
 */
export function PersonsFilters({ filter, onChange }: { filter: PersonFilter; onChange: (filter: PersonFilter) => void }) {
  const tenant = useCurrentTenant();
  const sourceSystems = useSourceSystemsQuery(tenant.tenantId).data ?? [];
  const { typed, setField, submit } = useTypedFilters({ search: filter.search, departmentId: filter.departmentId }, (change) => apply(change));

  function apply(change: Partial<PersonFilter>) {
    onChange({ ...filter, ...change, offset: 0 });
  }

  return (
    <FilterBar label="Find persons" onSubmit={submit}>
      <FilterField id="persons-search" label="Search" className="filter-bar__search">
        <input
          id="persons-search"
          className="input"
          type="search"
          placeholder="Name, email or id"
          value={typed.search}
          onChange={(event) => setField("search", event.target.value)}
        />
      </FilterField>
      <FilterField id="persons-status" label="Status">
        <select
          id="persons-status"
          className="select"
          value={filter.status ?? ""}
          onChange={(event) => apply({ status: (event.target.value || undefined) as PersonFilter["status"] })}
        >
          <option value="">Any status</option>
          <Options labels={personStatusLabels} />
        </select>
      </FilterField>
      <FilterField id="persons-excluded" label="Excluded">
        <select
          id="persons-excluded"
          className="select"
          value={filter.excluded ?? ""}
          onChange={(event) => apply({ excluded: (event.target.value || undefined) as PersonFilter["excluded"] })}
        >
          <option value="">Any</option>
          <option value="false">Not excluded</option>
          <option value="true">Excluded only</option>
        </select>
      </FilterField>
      <FilterField id="persons-source" label="Source system">
        <select
          id="persons-source"
          className="select"
          value={filter.sourceSystemId ?? ""}
          onChange={(event) => apply({ sourceSystemId: event.target.value || undefined })}
        >
          <option value="">All source systems</option>
          <Options choices={sourceSystems.map((sourceSystem) => ({ value: sourceSystem.id, label: sourceSystem.name }))} />
        </select>
      </FilterField>
      <FilterField id="persons-department" label="Department" className="filter-bar__narrow">
        <input
          id="persons-department"
          className="input"
          placeholder="Department id"
          value={typed.departmentId}
          onChange={(event) => setField("departmentId", event.target.value)}
        />
      </FilterField>
    </FilterBar>
  );
}
