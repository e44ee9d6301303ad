import type { SourceSystem } from "@idlife/contracts";
import { useParams } from "react-router";
import { useLayoutObject } from "../../../components/pages/ObjectPage.tsx";
import { AreaItemLayout } from "../../shell/routes/AreaItemPage.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useSourceSystemQuery } from "../api/source-system-queries.ts";
import { connectorLabels } from "../connector-types.ts";
import { EnabledBadge } from "../components/ImportStatusBadge.tsx";
import { sourceSystemPath, sourceSystemSections } from "../source-system-paths.ts";

/** The source system every tab below the layout works on. */
export function useSourceSystem(): SourceSystem {
  return useLayoutObject<SourceSystem>();
}

export function SourceSystemLayout() {
  const { sourceSystemId = "" } = useParams();
  const tenant = useCurrentTenant();
  const query = useSourceSystemQuery(tenant.tenantId, sourceSystemId);

  return (
    <AreaItemLayout
      areaId="source-systems"
      query={query}
      noun="Source system"
      name={(sourceSystem) => sourceSystem.name}
      description={(sourceSystem) => (
        <span className="inline-meta">
          <span>{connectorLabels[sourceSystem.connectorType]}</span>
          <EnabledBadge enabled={sourceSystem.enabled} />
        </span>
      )}
      sections={sourceSystemSections}
      sectionPath={(section) => sourceSystemPath(tenant.tenantSlug, sourceSystemId, section)}
    />
  );
}
