import { EmptyState } from "../../../components/EmptyState.tsx";
import { QueryTable } from "../../../components/pages/QueryView.tsx";
import { RunPanel } from "../../../components/pages/RunPanel.tsx";
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
    <RunPanel
      title="Permissions"
      description={refresh.data ? `Listed ${refresh.data.total}: ${refresh.data.added} new, ${refresh.data.gone} gone.` : "Groups, licences and roles as last listed from the target."}
      run={refresh}
      allowed={canOperate}
      label="Refresh from the target"
      pendingLabel="Refreshing…"
      errorTitle="The permissions could not be listed"
    >
      <QueryTable
        query={permissions}
        loadingLabel="Loading permissions…"
        empty={<EmptyState title="No permissions listed yet">Refresh to list the groups, licences or roles of the target.</EmptyState>}
        caption="Permissions"
        columns={["Name", "Kind", "Reference", "State"]}
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
    </RunPanel>
  );
}
