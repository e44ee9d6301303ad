import { AreaPage } from "../../shell/components/AreaPage.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { canManageTenant } from "../../tenants/roles.ts";
import { ApiKeysPanel } from "../components/ApiKeysPanel.tsx";
import { MembersPanel } from "../components/MembersPanel.tsx";
import { PersonSettingsPanel } from "../components/PersonSettingsPanel.tsx";
import { RetentionPanel } from "../components/RetentionPanel.tsx";
import { TenantDetailsPanel } from "../components/TenantDetailsPanel.tsx";

export function SettingsPage() {
  const tenant = useCurrentTenant();
  const mayConfigure = usePermission("configure");
  return (
    <AreaPage areaId="settings" description="Tenant details, how persons are decided, how long data is kept, API keys and members.">
      <div className="stack stack--large">
        <TenantDetailsPanel tenantId={tenant.tenantId} />
        {mayConfigure && <PersonSettingsPanel tenantId={tenant.tenantId} />}
        {mayConfigure && <RetentionPanel tenantId={tenant.tenantId} />}
        {canManageTenant(tenant.role) && <ApiKeysPanel tenantId={tenant.tenantId} />}
        <MembersPanel tenantId={tenant.tenantId} canManage={canManageTenant(tenant.role)} />
      </div>
    </AreaPage>
  );
}
