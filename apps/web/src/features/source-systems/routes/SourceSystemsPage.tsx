import { Link } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { AreaPage } from "../../shell/components/AreaPage.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { useSourceSystemsQuery } from "../api/source-system-queries.ts";
import { SourceSystemsTable } from "../components/SourceSystemsTable.tsx";
import { newSourceSystemPath } from "../source-system-paths.ts";

export function SourceSystemsPage() {
  const tenant = useCurrentTenant();
  const canConfigure = usePermission("configure");
  const sourceSystems = useSourceSystemsQuery(tenant.tenantId);
  const addLink = canConfigure ? (
    <Link className="button button--primary" to={newSourceSystemPath(tenant.tenantSlug)}>
      Add source system
    </Link>
  ) : undefined;

  return (
    <AreaPage areaId="source-systems" description="HR and student systems that deliver persons and contracts." actions={addLink}>
      <div className="panel">
        {sourceSystems.isPending ? (
          <LoadingState label="Loading source systems…" />
        ) : !sourceSystems.data ? (
          <div className="panel__body">
            <ErrorAlert error={sourceSystems.error} />
          </div>
        ) : sourceSystems.data.length === 0 ? (
          <EmptyState icon="source" title="No source systems yet">
            {canConfigure
              ? "Add the HR or student system your persons come from: upload a CSV export, connect a REST API, or write a script."
              : "An administrator connects the HR and student systems persons come from."}
          </EmptyState>
        ) : (
          <SourceSystemsTable sourceSystems={sourceSystems.data} />
        )}
      </div>
    </AreaPage>
  );
}
