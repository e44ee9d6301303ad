import { Link } from "react-router";
import { EnabledBadge } from "../../../components/SystemSummary.tsx";
import { AreaListPage } from "../../shell/routes/AreaListPage.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useTargetConnectorLabels, useTargetSystemsQuery } from "../api/target-system-queries.ts";
import { targetSystemPath } from "../target-system-paths.ts";

export function TargetSystemsPage() {
  const tenant = useCurrentTenant();
  const systems = useTargetSystemsQuery(tenant.tenantId);
  const labelOf = useTargetConnectorLabels(tenant.tenantId);

  return (
    <AreaListPage
      areaId="target-systems"
      description="Directories and applications where accounts and permissions are managed."
      addLabel="Add target system"
      query={systems}
      emptyText={{
        administrator: "Add Active Directory, Entra ID, a SCIM application or a scripted system, map its fields and take an inventory of its accounts.",
        others: "An administrator connects the systems where accounts are managed.",
      }}
      columns={["Name", "Connector", "Fields mapped", "State"]}
      renderRow={(system) => (
        <>
          <td>
            <Link to={targetSystemPath(tenant.tenantSlug, system.id)}>{system.name}</Link>
          </td>
          <td>{labelOf(system.connectorType)}</td>
          <td>{system.fieldMapping.length}</td>
          <td>
            <EnabledBadge enabled={system.enabled} />
            {system.pausedUntil && <span className="badge badge--warning">Paused: {system.pauseReason}</span>}
          </td>
        </>
      )}
    />
  );
}
