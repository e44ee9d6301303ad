import { useLayoutObject } from "../../../components/pages/ObjectPage.tsx";
import { SystemSummary } from "../../../components/SystemSummary.tsx";
import { AreaItemLayout, useAreaItem } from "../../shell/routes/AreaItemPage.tsx";
import { useTargetConnectorLabels, useTargetSystemQuery, type TargetSystem } from "../api/target-system-queries.ts";
import { targetSystemPaths } from "../target-system-paths.ts";

/** The target system every tab below the layout works on. */
export function useTargetSystem(): TargetSystem {
  return useLayoutObject<TargetSystem>();
}

export function TargetSystemLayout() {
  const item = useAreaItem(targetSystemPaths, useTargetSystemQuery);
  const labelOf = useTargetConnectorLabels(item.tenantId);

  return (
    <AreaItemLayout
      item={item}
      noun="Target system"
      name={(targetSystem) => targetSystem.name}
      description={(targetSystem) => <SystemSummary connector={labelOf(targetSystem.connectorType)} enabled={targetSystem.enabled} />}
      badges={(targetSystem) => ({ mapping: String(targetSystem.fieldMapping.length) })}
    />
  );
}
