import { Link } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { useSignedInUser } from "../../auth/components/SignedInUser.tsx";
import { AreaPage } from "../../shell/components/AreaPage.tsx";
import { getArea, type AreaId } from "../../shell/navigation.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { roleDescriptions, roleLabels } from "../../tenants/roles.ts";
import { tenantAreaPath } from "../../tenants/tenant-paths.ts";
import { useDashboardQuery } from "../api/dashboard-queries.ts";
import { AttentionList } from "../components/AttentionList.tsx";
import { FactCards } from "../components/FactCards.tsx";
import { SourceImportsTable } from "../components/SourceImportsTable.tsx";

const gettingStarted: { areaId: AreaId; step: string }[] = [
  { areaId: "source-systems", step: "Connect an HR or student system and map its fields." },
  { areaId: "persons", step: "Check the persons built from the imported data." },
  { areaId: "business-rules", step: "Decide who gets which accounts, groups and permissions." },
  { areaId: "target-systems", step: "Connect Active Directory or Entra ID to create the accounts." },
];

/** The tenant at a glance: what is there, and what needs someone. */
export function DashboardPage() {
  const user = useSignedInUser();
  const tenant = useCurrentTenant();
  const dashboard = useDashboardQuery(tenant.tenantId);
  const firstName = user.displayName.trim().split(/\s+/)[0] ?? user.displayName;

  return (
    <AreaPage
      areaId="dashboard"
      description={
        <>
          Welcome back, {firstName}. <span>{tenant.tenantName}</span> · <span title={roleDescriptions[tenant.role]}>{roleLabels[tenant.role]}</span>
        </>
      }
    >
      {dashboard.isPending ? (
        <LoadingState label="Loading the dashboard…" />
      ) : dashboard.error ? (
        <ErrorAlert error={dashboard.error} title="The dashboard could not be loaded" />
      ) : (
        <div className="stack stack--large">
          <FactCards dashboard={dashboard.data} />
          {dashboard.data.attention.length > 0 && (
            <Panel title="Needs attention" description="Imports that failed, wait for approval, or blocked persons.">
              <AttentionList items={dashboard.data.attention} />
            </Panel>
          )}
          {dashboard.data.sourceSystems.length > 0 ? (
            <Panel title="Source systems" description="The last import of each source system.">
              <SourceImportsTable sources={dashboard.data.sourceSystems} />
            </Panel>
          ) : (
            <GettingStarted tenantSlug={tenant.tenantSlug} />
          )}
        </div>
      )}
    </AreaPage>
  );
}

function GettingStarted({ tenantSlug }: { tenantSlug: string }) {
  return (
    <Panel title="Getting started" description="Identity data flows one way: from source systems, through business rules, to target systems.">
      <ol className="steps">
        {gettingStarted.map(({ areaId, step }) => (
          <li key={areaId} className="steps__item">
            <Link to={tenantAreaPath(tenantSlug, areaId)}>{getArea(areaId).title}</Link>
            <span className="muted">{step}</span>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
