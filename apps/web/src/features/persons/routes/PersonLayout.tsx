import { Link, Outlet, useOutletContext, useParams } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { PageHeader } from "../../../components/PageHeader.tsx";
import { TabNav } from "../../../components/TabNav.tsx";
import { isNotFound } from "../../../lib/api/api-error.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { tenantAreaPath } from "../../tenants/tenant-paths.ts";
import { usePersonQuery, type PersonDetail } from "../api/person-queries.ts";
import { PersonStatusBadge } from "../components/PersonStatusBadge.tsx";
import { personPath } from "../person-paths.ts";

interface PersonContext {
  person: PersonDetail;
}

export function usePerson(): PersonDetail {
  return useOutletContext<PersonContext>().person;
}

export function PersonLayout() {
  const { personId = "" } = useParams();
  const tenant = useCurrentTenant();
  const query = usePersonQuery(tenant.tenantId, personId);
  const person = query.data;
  const contractCount = Array.isArray(person?.data.Contracts) ? person.data.Contracts.length : 0;
  const path = (section: Parameters<typeof personPath>[2]) => personPath(tenant.tenantSlug, personId, section);

  return (
    <>
      <title>{`${person?.displayName || "Person"} · ${tenant.tenantName} · idlife`}</title>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={tenantAreaPath(tenant.tenantSlug, "persons")}>Persons</Link>
      </nav>
      {query.isPending ? (
        <LoadingState label="Loading the person…" />
      ) : !person ? (
        <>
          <PageHeader title={isNotFound(query.error) ? "Person not found" : "Person"} />
          <ErrorAlert error={query.error} />
        </>
      ) : (
        <>
          <PageHeader
            title={person.displayName || person.externalId}
            description={
              <span className="inline-meta">
                <PersonStatusBadge status={person.status} />
                {person.excluded && <span className="badge badge--warning">Excluded from business rules</span>}
                {person.pendingMerge && <span className="badge badge--info">Merge suggestion pending</span>}
                <span>
                  External id <code className="code">{person.externalId}</code>
                </span>
              </span>
            }
          />
          <TabNav
            label="Person sections"
            tabs={[
              { to: path("information"), label: "Information", end: true },
              { to: path("contracts"), label: "Contracts", badge: String(contractCount) },
              { to: path("history"), label: "History" },
              { to: path("raw-data"), label: "Raw data" },
              { to: path("rules"), label: "Rules" },
            ]}
          />
          <Outlet context={{ person } satisfies PersonContext} />
        </>
      )}
    </>
  );
}
