import { useLayoutObject } from "../../../components/pages/ObjectPage.tsx";
import { AreaItemLayout, useAreaItem } from "../../shell/routes/AreaItemPage.tsx";
import { usePersonQuery, type PersonDetail } from "../api/person-queries.ts";
import { PersonStatusBadge } from "../components/PersonStatusBadge.tsx";
import { personPaths } from "../person-paths.ts";

export function usePerson(): PersonDetail {
  return useLayoutObject<PersonDetail>();
}

export function PersonLayout() {
  const item = useAreaItem(personPaths, usePersonQuery);

  return (
    <AreaItemLayout
      item={item}
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
      badges={(person) => ({ contracts: String(Array.isArray(person.data.Contracts) ? person.data.Contracts.length : 0) })}
    />
  );
}
