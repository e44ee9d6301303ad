import { AreaListPage } from "../../shell/routes/AreaListPage.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useSourceSystemsQuery } from "../api/source-system-queries.ts";
import { SourceSystemsTable } from "../components/SourceSystemsTable.tsx";

export function SourceSystemsPage() {
  const tenant = useCurrentTenant();
  const sourceSystems = useSourceSystemsQuery(tenant.tenantId);

  return (
    <AreaListPage
      areaId="source-systems"
      description="HR and student systems that deliver persons and contracts."
      addLabel="Add source system"
      query={sourceSystems}
      emptyText={{
        administrator: "Add the HR or student system your persons come from: upload a CSV export, connect a REST API, or write a script.",
        others: "An administrator connects the HR and student systems persons come from.",
      }}
      rows={(rows) => <SourceSystemsTable sourceSystems={rows} />}
    />
  );
}
