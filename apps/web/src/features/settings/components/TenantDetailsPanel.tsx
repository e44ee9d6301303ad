import { formatDate } from "../../../lib/format.ts";
import { TenantPanel } from "./TenantPanel.tsx";

export function TenantDetailsPanel({ tenantId }: { tenantId: string }) {
  return (
    <TenantPanel tenantId={tenantId} title="Tenant" description="The organisation this workspace belongs to.">
      {(tenant) => (
        <dl className="details">
          <div className="details__row">
            <dt>Name</dt>
            <dd>{tenant.name}</dd>
          </div>
          <div className="details__row">
            <dt>Slug</dt>
            <dd>
              <code className="code">{tenant.slug}</code>
            </dd>
          </div>
          <div className="details__row">
            <dt>Time zone</dt>
            <dd>{tenant.settings.timeZone}</dd>
          </div>
          <div className="details__row">
            <dt>Locale</dt>
            <dd>{tenant.settings.locale}</dd>
          </div>
          <div className="details__row">
            <dt>Status</dt>
            <dd>
              <span className={`badge ${tenant.status === "active" ? "badge--success" : "badge--warning"}`}>
                {tenant.status === "active" ? "Active" : "Suspended"}
              </span>
            </dd>
          </div>
          <div className="details__row">
            <dt>Created</dt>
            <dd>{formatDate(tenant.createdAt)}</dd>
          </div>
        </dl>
      )}
    </TenantPanel>
  );
}
