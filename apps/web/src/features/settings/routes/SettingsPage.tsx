import { AreaPage } from "../../shell/components/AreaPage.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { canManageTenant } from "../../tenants/roles.ts";
import { ApiKeysPanel } from "../components/ApiKeysPanel.tsx";
import { MembersPanel } from "../components/MembersPanel.tsx";
import { TenantDetailsPanel } from "../components/TenantDetailsPanel.tsx";

export function SettingsPage() {
  const tenant = useCurrentTenant();
  return (
    <AreaPage areaId="settings" description="Tenant details, API keys and members.">
      <div className="stack stack--large">
        <TenantDetailsPanel tenantId={tenant.tenantId} />
        {canManageTenant(tenant.role) && <ApiKeysPanel tenantId={tenant.tenantId} />}
        <MembersPanel tenantId={tenant.tenantId} />
      </div>
    </AreaPage>
  );
}
