import { useParams } from "react-router";
import { useLayoutObject } from "../../../components/pages/ObjectPage.tsx";
import { AreaItemLayout } from "../../shell/routes/AreaItemPage.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePersonQuery, type PersonDetail } from "../api/person-queries.ts";
import { PersonStatusBadge } from "../components/PersonStatusBadge.tsx";
import { personPath, personSections } from "../person-paths.ts";

export function usePerson(): PersonDetail {
  return useLayoutObject<PersonDetail>();
}

export function PersonLayout() {
  const { personId = "" } = useParams();
  const tenant = useCurrentTenant();
  const query = usePersonQuery(tenant.tenantId, personId);

  return (
    <AreaItemLayout
      areaId="persons"
      query={query}
      noun="Person"
      name={(person) => person.displayName}
      heading={(person) => person.displayName || person.externalId}
      description={(person) => (
        <span className="inline-meta">
          <PersonStatusBadge status={person.status} />
          {person.excluded && <span className="badge badge--warning">Excluded from business rules</span>}
          {person.pendingMerge && <span className="badge badge--info">Merge suggestion pending</span>}
          <span>
            External id <code className="code">{person.externalId}</code>
          </span>
        </span>
      )}
      sections={personSections}
      sectionPath={(section) => personPath(tenant.tenantSlug, personId, section)}
      badges={(person) => ({ contracts: String(Array.isArray(person.data.Contracts) ? person.data.Contracts.length : 0) })}
    />
  );
}
