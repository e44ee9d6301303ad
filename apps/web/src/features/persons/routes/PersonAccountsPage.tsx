import { useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { JsonView } from "../../../components/JsonView.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { usePersonAccountsQuery, usePersonTargetActionsQuery, useRequestAccountActionMutation, type AccountActionName } from "../../target-systems/api/person-target-queries.ts";
import { useTargetSystemsQuery } from "../../target-systems/api/target-system-queries.ts";
import { AccountPreview } from "../../target-systems/components/AccountPreview.tsx";
import { usePerson } from "./PersonLayout.tsx";

/** The person's account in each target system, with actions by hand and a preview per system. */
export function PersonAccountsPage() {
  const person = usePerson();
  const tenant = useCurrentTenant();
  const canOperate = usePermission("operate");
  const systems = useTargetSystemsQuery(tenant.tenantId);
  const accounts = usePersonAccountsQuery(tenant.tenantId, person.id);
  // Polls while an action waits, and refreshes the accounts when it is done.
  usePersonTargetActionsQuery(tenant.tenantId, person.id);
  const request = useRequestAccountActionMutation(tenant.tenantId, person.id);
  const [previewOf, setPreviewOf] = useState<string>();

  if (systems.isPending || accounts.isPending) return <LoadingState label="Loading accounts…" />;
  if (!systems.data || !accounts.data) return <ErrorAlert error={systems.error ?? accounts.error} />;
  if (systems.data.length === 0) return <EmptyState title="No target systems">Accounts appear here once a target system is connected.</EmptyState>;

  return (
    <div className="stack">
      {request.error && <ErrorAlert error={request.error} title="The action was not requested" />}
      {systems.data.map((system) => {
        const account = accounts.data.find((entry) => entry.targetSystemId === system.id && entry.deletedAt === null);
        const act = (action: AccountActionName) => request.mutate({ targetSystemId: system.id, action });
        const available: AccountActionName[] = account ? ["update", account.enabled ? "disable" : "enable", "delete"] : ["create"];
        return (
          <Panel
            key={system.id}
            title={system.name}
            description={account ? `${account.enabled ? "Enabled" : "Disabled"} · ${account.managedBy === "correlated" ? "taken over by correlation" : "created by the platform"} · updated ${formatDateTime(account.updatedAt)}` : "No account"}
            actions={
              canOperate && (
                <div className="inline-meta">
                  <button type="button" className="button button--quiet button--small" onClick={() => setPreviewOf(previewOf === system.id ? undefined : system.id)}>
                    {previewOf === system.id ? "Hide preview" : "Preview"}
                    <span className="visually-hidden"> for {system.name}</span>
                  </button>
                  {available.map((action) => (
                    <button key={action} type="button" className={`button button--small ${action === "delete" ? "button--danger" : "button--secondary"}`} disabled={request.isPending} onClick={() => act(action)}>
                      {action.charAt(0).toUpperCase() + action.slice(1)} account<span className="visually-hidden"> in {system.name}</span>
                    </button>
                  ))}
                </div>
              )
            }
          >
            {account && (
              <dl className="details">
                <div className="details__row">
                  <dt>Reference</dt>
                  <dd>
                    <code className="code">{account.reference ?? "—"}</code>
                  </dd>
                </div>
                <div className="details__row">
                  <dt>Location</dt>
                  <dd>{account.location ?? "—"}</dd>
                </div>
              </dl>
            )}
            {account && Object.keys(account.data).length > 0 && <JsonView label="Stored account data" value={account.data} />}
            {previewOf === system.id && <AccountPreview personId={person.id} targetSystemId={system.id} />}
          </Panel>
        );
      })}
    </div>
  );
}
