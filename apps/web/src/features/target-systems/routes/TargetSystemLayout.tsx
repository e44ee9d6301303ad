import { Link, Outlet, useOutletContext, useParams } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { PageHeader } from "../../../components/PageHeader.tsx";
import { TabNav } from "../../../components/TabNav.tsx";
import { isNotFound } from "../../../lib/api/api-error.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { tenantAreaPath } from "../../tenants/tenant-paths.ts";
import { useTargetConnectorTypesQuery, useTargetSystemQuery, type TargetSystem } from "../api/target-system-queries.ts";
import { targetSystemPath } from "../target-system-paths.ts";

interface TargetSystemContext {
  targetSystem: TargetSystem;
}

/** The target system every tab below the layout works on. */
export function useTargetSystem(): TargetSystem {
  return useOutletContext<TargetSystemContext>().targetSystem;
}

export function TargetSystemLayout() {
  const { targetSystemId = "" } = useParams();
  const tenant = useCurrentTenant();
  const query = useTargetSystemQuery(tenant.tenantId, targetSystemId);
  const catalogue = useTargetConnectorTypesQuery(tenant.tenantId);
  const targetSystem = query.data;
  const path = (section: Parameters<typeof targetSystemPath>[2]) => targetSystemPath(tenant.tenantSlug, targetSystemId, section);
  const label = catalogue.data?.find((connector) => connector.type === targetSystem?.connectorType)?.label ?? targetSystem?.connectorType;

  return (
    <>
      <title>{`${targetSystem?.name ?? "Target system"} · ${tenant.tenantName} · idlife`}</title>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={tenantAreaPath(tenant.tenantSlug, "target-systems")}>Target systems</Link>
      </nav>
      {query.isPending ? (
        <LoadingState label="Loading the target system…" />
      ) : !targetSystem ? (
        <>
          <PageHeader title={isNotFound(query.error) ? "Target system not found" : "Target system"} />
          <ErrorAlert error={query.error} />
        </>
      ) : (
        <>
          <PageHeader
            title={targetSystem.name}
            description={
              <span className="inline-meta">
                <span>{label}</span>
                <span className={`badge ${targetSystem.enabled ? "badge--success" : "badge--neutral"}`}>{targetSystem.enabled ? "Enabled" : "Disabled"}</span>
              </span>
            }
          />
          <TabNav
            label="Target system sections"
            tabs={[
              { to: path("overview"), label: "Settings", end: true },
              { to: path("mapping"), label: "Field mapping", badge: String(targetSystem.fieldMapping.length) },
              { to: path("permissions"), label: "Permissions" },
              { to: path("inventory"), label: "Inventory" },
              { to: path("actions"), label: "Actions" },
            ]}
          />
          <Outlet context={{ targetSystem } satisfies TargetSystemContext} />
        </>
      )}
    </>
  );
}
