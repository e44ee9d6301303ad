import { useSearchParams } from "react-router";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { QueryView } from "../../../components/pages/QueryView.tsx";
import { Pager } from "../../../components/Pager.tsx";
import { AreaPage } from "../../shell/components/AreaPage.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePersonsQuery } from "../api/person-queries.ts";
import { PersonsExportControl } from "../components/PersonsExportControl.tsx";
import { PersonsFilters } from "../components/PersonsFilters.tsx";
import { PersonsTable } from "../components/PersonsTable.tsx";
import { hasActiveFilter, personFilterToParams, readPersonFilter, type PersonFilter } from "../person-filter.ts";

export function PersonsPage() {
  const tenant = useCurrentTenant();
  const [params, setParams] = useSearchParams();
  const filter = readPersonFilter(params);
  const persons = usePersonsQuery(tenant.tenantId, filter);
  const setFilter = (next: PersonFilter) => setParams(personFilterToParams(next), { replace: true });

  const exportButton = <PersonsExportControl tenantId={tenant.tenantId} filter={filter} />;

  return (
    <AreaPage areaId="persons" description="Everyone your source systems deliver, as one person each." actions={exportButton}>
      <div className="stack">
        <div className="panel">
          <div className="panel__body panel__body--filters">
            <PersonsFilters filter={filter} onChange={setFilter} />
          </div>
          <QueryView
            query={persons}
            loadingLabel="Loading persons…"
            padError
            isEmpty={(page) => page.items.length === 0}
            empty={
              hasActiveFilter(filter) ? (
                <EmptyState icon="persons" title="No persons match">
                  Nobody matches this search and these filters. Try fewer filters.
                </EmptyState>
              ) : (
                <EmptyState icon="persons" title="No persons yet">
                  Persons appear here after the first import of a source system.
                </EmptyState>
              )
            }
          >
            {(page) => (
              <>
                <div aria-busy={persons.isFetching}>
                  <PersonsTable persons={page.items} />
                </div>
                <div className="panel__footer panel__footer--split">
                  <Pager
                    offset={filter.offset}
                    limit={filter.limit}
                    total={page.total}
                    onChange={(offset) => setFilter({ ...filter, offset })}
                    label="Persons pages"
                  />
                </div>
              </>
            )}
          </QueryView>
        </div>
      </div>
    </AreaPage>
  );
}
