import { useState } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { DataTable } from "../../../components/DataTable.tsx";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { Panel } from "../../../components/Panel.tsx";
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
    <Panel
      title="Inventory"
      description={run.data ? `Read ${formatNumber(run.data.total)} accounts at ${formatDateTime(run.data.readAt)}.` : "Every account in the target: managed by the platform, correlatable to a person, or orphaned."}
      actions={
        canOperate && (
          <button type="button" className="button button--secondary" onClick={() => run.mutate()} disabled={run.isPending}>
            {run.isPending ? "Reading accounts…" : "Take inventory"}
          </button>
        )
      }
    >
      {run.error && <ErrorAlert error={run.error} title="The inventory could not be taken" />}
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
      {inventory.isPending ? (
        <LoadingState label="Loading the inventory…" />
      ) : !inventory.data ? (
        <ErrorAlert error={inventory.error} />
      ) : inventory.data.items.length === 0 ? (
        <EmptyState title="No accounts">Take an inventory to read the accounts of the target.</EmptyState>
      ) : (
        <DataTable
          caption="Accounts in the target"
          columns={["Account", "Location", "Enabled", "Status", "Person"]}
          items={inventory.data.items}
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
    </Panel>
  );
}
