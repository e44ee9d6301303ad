import { ErrorAlert } from "../../../components/Alert.tsx";
import { DataTable } from "../../../components/DataTable.tsx";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { usePermissionsQuery, useRefreshPermissionsMutation } from "../api/target-system-queries.ts";
import { useTargetSystem } from "./TargetSystemLayout.tsx";

export function TargetPermissionsPage() {
  const system = useTargetSystem();
  const tenant = useCurrentTenant();
  const canOperate = usePermission("operate");
  const permissions = usePermissionsQuery(tenant.tenantId, system.id);
  const refresh = useRefreshPermissionsMutation(tenant.tenantId, system.id);
  return (
    <Panel
      title="Permissions"
      description={refresh.data ? `Listed ${refresh.data.total}: ${refresh.data.added} new, ${refresh.data.gone} gone.` : "Groups, licences and roles as last listed from the target."}
      actions={
        canOperate && (
          <button type="button" className="button button--secondary" onClick={() => refresh.mutate()} disabled={refresh.isPending}>
            {refresh.isPending ? "Refreshing…" : "Refresh from the target"}
          </button>
        )
      }
    >
      {refresh.error && <ErrorAlert error={refresh.error} title="The permissions could not be listed" />}
      {permissions.isPending ? (
        <LoadingState label="Loading permissions…" />
      ) : !permissions.data ? (
        <ErrorAlert error={permissions.error} />
      ) : permissions.data.length === 0 ? (
        <EmptyState title="No permissions listed yet">Refresh to list the groups, licences or roles of the target.</EmptyState>
      ) : (
        <DataTable
          caption="Permissions"
          columns={["Name", "Kind", "Reference", "State"]}
          items={permissions.data}
          renderRow={(permission) => (
            <>
              <td>{permission.displayName}</td>
              <td>{permission.kind}</td>
              <td>
                <code className="code">{permission.reference}</code>
              </td>
              <td>{permission.goneAt ? <span className="badge badge--warning">Gone from the target</span> : <span className="badge badge--success">Present</span>}</td>
            </>
          )}
        />
      )}
    </Panel>
  );
}
