import { Link } from "react-router";
import { Panel } from "../../../components/Panel.tsx";
import { useSignedInUser } from "../../auth/components/SignedInUser.tsx";
import { AreaPage } from "../../shell/components/AreaPage.tsx";
import { getArea, type AreaId } from "../../shell/navigation.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { roleDescriptions, roleLabels } from "../../tenants/roles.ts";
import { tenantAreaPath } from "../../tenants/tenant-paths.ts";

const gettingStarted: { areaId: AreaId; step: string }[] = [
  { areaId: "source-systems", step: "Connect an HR or student system and map its fields." },
  { areaId: "persons", step: "Check the persons built from the imported data." },
  { areaId: "business-rules", step: "Decide who gets which accounts, groups and permissions." },
  { areaId: "target-systems", step: "Connect Active Directory or Entra ID to create the accounts." },
];

export function DashboardPage() {
  const user = useSignedInUser();
  const tenant = useCurrentTenant();
  const firstName = user.displayName.trim().split(/\s+/)[0] ?? user.displayName;

  return (
    <AreaPage areaId="dashboard" description={`Welcome back, ${firstName}.`}>
      <div className="summary-grid">
        <div className="summary-card">
          <p className="summary-card__label">Tenant</p>
          <p className="summary-card__value">{tenant.tenantName}</p>
          <p className="summary-card__meta">/t/{tenant.tenantSlug}</p>
        </div>
        <div className="summary-card">
          <p className="summary-card__label">Your role</p>
          <p className="summary-card__value">{roleLabels[tenant.role]}</p>
          <p className="summary-card__meta">{roleDescriptions[tenant.role]}</p>
        </div>
        <div className="summary-card">
          <p className="summary-card__label">Signed in as</p>
          <p className="summary-card__value summary-card__value--small">{user.displayName}</p>
          <p className="summary-card__meta">{user.email}</p>
        </div>
      </div>

      <Panel title="Getting started" description="Identity data flows one way: from source systems, through business rules, to target systems.">
        <ol className="steps">
          {gettingStarted.map(({ areaId, step }) => (
            <li key={areaId} className="steps__item">
              <Link to={tenantAreaPath(tenant.tenantSlug, areaId)}>{getArea(areaId).title}</Link>
              <span className="muted">{step}</span>
            </li>
          ))}
        </ol>
      </Panel>
    </AreaPage>
  );
}
