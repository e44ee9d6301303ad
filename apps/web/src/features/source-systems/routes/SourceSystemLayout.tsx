import type { SourceSystem } from "@idlife/contracts";
import { useLayoutObject } from "../../../components/pages/ObjectPage.tsx";
import { SystemSummary } from "../../../components/SystemSummary.tsx";
import { AreaItemLayout, useAreaItem } from "../../shell/routes/AreaItemPage.tsx";
import { useSourceSystemQuery } from "../api/source-system-queries.ts";
import { connectorLabels } from "../connector-types.ts";
import { sourceSystemPaths } from "../source-system-paths.ts";

/** The source system every tab below the layout works on. */
export function useSourceSystem(): SourceSystem {
  return useLayoutObject<SourceSystem>();
}

export function SourceSystemLayout() {
  const item = useAreaItem(sourceSystemPaths, useSourceSystemQuery);

  return (
    <AreaItemLayout
      item={item}
      noun="Source system"
      name={(sourceSystem) => sourceSystem.name}
      description={(sourceSystem) => <SystemSummary connector={connectorLabels[sourceSystem.connectorType]} enabled={sourceSystem.enabled} />}
    />
  );
}
