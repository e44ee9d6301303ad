import { useParams } from "react-router";
import { useLayoutObject } from "../../../components/pages/ObjectPage.tsx";
import { AreaItemLayout } from "../../shell/routes/AreaItemPage.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useTargetConnectorTypesQuery, useTargetSystemQuery, type TargetSystem } from "../api/target-system-queries.ts";
import { targetSystemPath, targetSystemSections } from "../target-system-paths.ts";

/** The target system every tab below the layout works on. */
export function useTargetSystem(): TargetSystem {
  return useLayoutObject<TargetSystem>();
}

export function TargetSystemLayout() {
  const { targetSystemId = "" } = useParams();
  const tenant = useCurrentTenant();
  const query = useTargetSystemQuery(tenant.tenantId, targetSystemId);
  const catalogue = useTargetConnectorTypesQuery(tenant.tenantId);
  const labelOf = (type: string) => catalogue.data?.find((connector) => connector.type === type)?.label ?? type;

  return (
    <AreaItemLayout
      areaId="target-systems"
      query={query}
      noun="Target system"
      name={(targetSystem) => targetSystem.name}
      description={(targetSystem) => (
        <span className="inline-meta">
          <span>{labelOf(targetSystem.connectorType)}</span>
          <span className={`badge ${targetSystem.enabled ? "badge--success" : "badge--neutral"}`}>{targetSystem.enabled ? "Enabled" : "Disabled"}</span>
        </span>
      )}
      sections={targetSystemSections}
      sectionPath={(section) => targetSystemPath(tenant.tenantSlug, targetSystemId, section)}
      badges={(targetSystem) => ({ mapping: String(targetSystem.fieldMapping.length) })}
    />
  );
}
