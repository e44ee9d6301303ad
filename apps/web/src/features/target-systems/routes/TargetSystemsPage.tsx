import { Link } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { DataTable } from "../../../components/DataTable.tsx";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { AreaPage } from "../../shell/components/AreaPage.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { useTargetConnectorTypesQuery, useTargetSystemsQuery } from "../api/target-system-queries.ts";
import { newTargetSystemPath, targetSystemPath } from "../target-system-paths.ts";

export function TargetSystemsPage() {
  const tenant = useCurrentTenant();
  const canConfigure = usePermission("configure");
  const systems = useTargetSystemsQuery(tenant.tenantId);
  const catalogue = useTargetConnectorTypesQuery(tenant.tenantId);
  const labelOf = (type: string) => catalogue.data?.find((connector) => connector.type === type)?.label ?? type;
  const addLink = canConfigure ? (
    <Link className="button button--primary" to={newTargetSystemPath(tenant.tenantSlug)}>
      Add target system
    </Link>
  ) : undefined;

  return (
    <AreaPage areaId="target-systems" description="Directories and applications where accounts and permissions are managed." actions={addLink}>
      <div className="panel">
        {systems.isPending ? (
          <LoadingState label="Loading target systems…" />
        ) : !systems.data ? (
          <div className="panel__body">
            <ErrorAlert error={systems.error} />
          </div>
        ) : systems.data.length === 0 ? (
          <EmptyState icon="target" title="No target systems yet">
            {canConfigure ? "Add Active Directory, Entra ID, a SCIM application or a scripted system, map its fields and take an inventory of its accounts." : "An administrator connects the systems where accounts are managed."}
          </EmptyState>
        ) : (
          <DataTable
            caption="Target systems"
            columns={["Name", "Connector", "Fields mapped", "State"]}
            items={systems.data}
            renderRow={(system) => (
              <>
                <td>
                  <Link to={targetSystemPath(tenant.tenantSlug, system.id)}>{system.name}</Link>
                </td>
                <td>{labelOf(system.connectorType)}</td>
                <td>{system.fieldMapping.length}</td>
                <td>
                  <span className={`badge ${system.enabled ? "badge--success" : "badge--neutral"}`}>{system.enabled ? "Enabled" : "Disabled"}</span>
                  {system.pausedUntil && <span className="badge badge--warning">Paused: {system.pauseReason}</span>}
                </td>
              </>
            )}
          />
        )}
      </div>
    </AreaPage>
  );
}
