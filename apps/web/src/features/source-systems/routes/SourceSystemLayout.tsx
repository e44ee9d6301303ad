import type { SourceSystem } from "@idlife/contracts";
import { Link, Outlet, useOutletContext, useParams } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { PageHeader } from "../../../components/PageHeader.tsx";
import { TabNav } from "../../../components/TabNav.tsx";
import { isNotFound } from "../../../lib/api/api-error.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { tenantAreaPath } from "../../tenants/tenant-paths.ts";
import { useSourceSystemQuery } from "../api/source-system-queries.ts";
import { connectorLabels } from "../connector-types.ts";
import { EnabledBadge } from "../components/ImportStatusBadge.tsx";
import { sourceSystemPath } from "../source-system-paths.ts";

interface SourceSystemContext {
  sourceSystem: SourceSystem;
}

/** The source system every tab below the layout works on. */
export function useSourceSystem(): SourceSystem {
  return useOutletContext<SourceSystemContext>().sourceSystem;
}

export function SourceSystemLayout() {
  const { sourceSystemId = "" } = useParams();
  const tenant = useCurrentTenant();
  const query = useSourceSystemQuery(tenant.tenantId, sourceSystemId);
  const sourceSystem = query.data;
  const listPath = tenantAreaPath(tenant.tenantSlug, "source-systems");
  const path = (section: Parameters<typeof sourceSystemPath>[2]) => sourceSystemPath(tenant.tenantSlug, sourceSystemId, section);

  return (
    <>
      <title>{`${sourceSystem?.name ?? "Source system"} · ${tenant.tenantName} · idlife`}</title>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={listPath}>Source systems</Link>
      </nav>
      {query.isPending ? (
        <LoadingState label="Loading the source system…" />
      ) : !sourceSystem ? (
        <>
          <PageHeader title={isNotFound(query.error) ? "Source system not found" : "Source system"} />
          <ErrorAlert error={query.error} />
        </>
      ) : (
        <>
          <PageHeader
            title={sourceSystem.name}
            description={
              <span className="inline-meta">
                <span>{connectorLabels[sourceSystem.connectorType]}</span>
                <EnabledBadge enabled={sourceSystem.enabled} />
              </span>
            }
          />
          <TabNav
            label="Source system sections"
            tabs={[
              { to: path("overview"), label: "Overview", end: true },
              { to: path("mapping"), label: "Mapping" },
              { to: path("thresholds"), label: "Thresholds" },
              { to: path("schedule"), label: "Schedule" },
              { to: path("imports"), label: "Imports" },
              { to: path("blocked-persons"), label: "Blocked persons" },
              { to: path("raw-data"), label: "Raw data" },
            ]}
          />
          <Outlet context={{ sourceSystem } satisfies SourceSystemContext} />
        </>
      )}
    </>
  );
}
