import { useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { QueryTable } from "../../../components/pages/QueryView.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { SelectField } from "../../../components/SelectField.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { usePersonEntitlementsQuery, usePersonTargetActionsQuery, useRequestEntitlementMutation } from "../../target-systems/api/person-target-queries.ts";
import { usePermissionsQuery, useTargetSystemsQuery } from "../../target-systems/api/target-system-queries.ts";
import { usePerson } from "./PersonLayout.tsx";

/** Who or what granted a permission, as the entitlement records it. */
function grantedByText(grantedBy: Record<string, unknown>): string {
  if (grantedBy.kind === "user") return "By hand (a member)";
  if (grantedBy.kind === "api-key") return "By hand (an API key)";
  if (grantedBy.kind === "rule") return "A business rule";
  if (grantedBy.kind === "correlation") return "Taken over by correlation";
  return String(grantedBy.kind ?? "—");
}

/** The permissions granted to the person, with who granted each; grant from a system's permission list, revoke what the platform granted. */
export function PersonEntitlementsPage() {
  const person = usePerson();
  const tenant = useCurrentTenant();
  const canOperate = usePermission("operate");
  const entitlements = usePersonEntitlementsQuery(tenant.tenantId, person.id);
  usePersonTargetActionsQuery(tenant.tenantId, person.id);
  const request = useRequestEntitlementMutation(tenant.tenantId, person.id);

  return (
    <div className="stack">
      {request.error && <ErrorAlert error={request.error} title="The request was refused" />}
      {request.isSuccess && !request.isPending && <p className="field__hint" role="status">Requested; the change appears when the target system has made it.</p>}
      <Panel title="Granted permissions">
        <QueryTable
          query={entitlements}
          loadingLabel="Loading entitlements…"
          empty={<EmptyState title="No permissions granted">Grant a permission below, or let the business rules do it.</EmptyState>}
          caption="Granted permissions"
          columns={["Permission", "System", "Granted by", "Since", canOperate && { label: "Revoke", hidden: true }]}
          renderRow={(entitlement) => (
            <>
              <td>{entitlement.permission.displayName}</td>
              <td>{entitlement.targetSystemName}</td>
              <td>{grantedByText(entitlement.grantedBy)}</td>
              <td>{formatDateTime(entitlement.grantedAt)}</td>
              {canOperate && (
                <td>
                  <button type="button" className="button button--quiet button--small" disabled={request.isPending} onClick={() => request.mutate({ targetSystemId: entitlement.targetSystemId, permissionId: entitlement.permission.id, action: "revoke" })}>
                    Revoke<span className="visually-hidden"> {entitlement.permission.displayName}</span>
                  </button>
                </td>
              )}
            </>
          )}
        />
      </Panel>
      {canOperate && <GrantPermission onGrant={(targetSystemId, permissionId) => request.mutate({ targetSystemId, permissionId, action: "grant" })} pending={request.isPending} />}
    </div>
  );
}

function GrantPermission({ onGrant, pending }: { onGrant: (targetSystemId: string, permissionId: string) => void; pending: boolean }) {
  const tenant = useCurrentTenant();
  const systems = useTargetSystemsQuery(tenant.tenantId);
  const [systemId, setSystemId] = useState("");
  const [permissionId, setPermissionId] = useState("");
  const permissions = usePermissionsQuery(tenant.tenantId, systemId, systemId !== "");
  return (
    <Panel title="Grant a permission" description="From the permissions last listed from the target (refresh them on the target system's Permissions tab).">
      <div className="form-grid">
        <SelectField label="Target system" value={systemId} onChange={(event) => { setSystemId(event.target.value); setPermissionId(""); }}>
          <option value="">Choose…</option>
          {systems.data?.map((system) => (
            <option key={system.id} value={system.id}>
              {system.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Permission" value={permissionId} onChange={(event) => setPermissionId(event.target.value)} disabled={!systemId}>
          <option value="">Choose…</option>
          {permissions.data?.filter((permission) => permission.goneAt === null).map((permission) => (
            <option key={permission.id} value={permission.id}>
              {permission.displayName}
            </option>
          ))}
        </SelectField>
      </div>
      <button type="button" className="button button--primary" disabled={!permissionId || pending} onClick={() => onGrant(systemId, permissionId)}>
        Grant
      </button>
    </Panel>
  );
}
