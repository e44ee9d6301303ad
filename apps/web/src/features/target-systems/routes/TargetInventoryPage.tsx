import { useState } from "react";
import { Link } from "react-router";
import { DataTable } from "../../../components/DataTable.tsx";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { QueryView } from "../../../components/pages/QueryView.tsx";
import { RunPanel } from "../../../components/pages/RunPanel.tsx";
import { formatDateTime, formatNumber } from "../../../lib/format.ts";
import { personPath } from "../../persons/person-paths.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { useInventoryQuery, useRunInventoryMutation } from "../api/target-system-queries.ts";
import { useTargetSystem } from "./TargetSystemLayout.tsx";

type Status = "managed" | "correlatable" | "orphaned";
const statusLabels: Record<Status, { label: string; tone: string; meaning: string }> = {
  managed: { label: "Managed", tone: "success", meaning: "The platform manages it for the person." },
  correlatable: { label: "Correlatable", tone: "info", meaning: "Matches exactly one person; taken over on that person's first account action." },
  orphaned: { label: "Orphaned", tone: "warning", meaning: "No person matches it." },
};

/** Every account of the target, read by the last inventory, with what it is to the platform. */
export function TargetInventoryPage() {
  const system = useTargetSystem();
  const tenant = useCurrentTenant();
  const canOperate = usePermission("operate");
  const [status, setStatus] = useState<Status>();
  const inventory = useInventoryQuery(tenant.tenantId, system.id, status);
  const run = useRunInventoryMutation(tenant.tenantId, system.id);
  const counts = inventory.data?.counts;
  return (
    <RunPanel
      title="Inventory"
      description={run.data ? `Read ${formatNumber(run.data.total)} accounts at ${formatDateTime(run.data.readAt)}.` : "Every account in the target: managed by the platform, correlatable to a person, or orphaned."}
      run={run}
      allowed={canOperate}
      label="Take inventory"
      pendingLabel="Reading accounts…"
      errorTitle="The inventory could not be taken"
    >
      {counts && (
        <div className="inline-meta" role="group" aria-label="Inventory status">
          <button type="button" className={`button button--small ${status === undefined ? "button--primary" : "button--quiet"}`} onClick={() => setStatus(undefined)}>
            All ({formatNumber(counts.managed + counts.correlatable + counts.orphaned)})
          </button>
          {(Object.keys(statusLabels) as Status[]).map((key) => (
            <button key={key} type="button" title={statusLabels[key].meaning} className={`button button--small ${status === key ? "button--primary" : "button--quiet"}`} onClick={() => setStatus(key)}>
              {statusLabels[key].label} ({formatNumber(counts[key])})
            </button>
          ))}
        </div>
      )}
      <QueryView
        query={inventory}
        loadingLabel="Loading the inventory…"
        isEmpty={(page) => page.items.length === 0}
        empty={<EmptyState title="No accounts">Take an inventory to read the accounts of the target.</EmptyState>}
      >
        {(page) => (
          <DataTable
            caption="Accounts in the target"
            columns={["Account", "Location", "Enabled", "Status", "Person"]}
            items={page.items}
            renderRow={(account) => (
              <>
                <td>{account.displayName ?? <code className="code">{account.reference}</code>}</td>
                <td>{account.location}</td>
                <td>{account.enabled ? "Yes" : "No"}</td>
                <td>
                  <span className={`badge badge--${statusLabels[account.status].tone}`}>{statusLabels[account.status].label}</span>
                </td>
                <td>{account.personId ? <Link to={personPath(tenant.tenantSlug, account.personId)}>{account.personName ?? account.personId}</Link> : "—"}</td>
              </>
            )}
          />
        )}
      </QueryView>
    </RunPanel>
  );
}
