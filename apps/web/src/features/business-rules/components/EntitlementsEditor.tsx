import { Options } from "../../../components/Options.tsx";
import { useTargetSystemsQuery } from "../../target-systems/api/target-system-queries.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { newEntitlement, type EntitlementDraft, type EntitlementKind } from "../rule-form.ts";
import { PermissionPicker, TargetSystemSelect } from "./EntitlementPickers.tsx";

const kindLabels: Record<EntitlementKind, string> = {
  account: "Account",
  access: "Access (account enabled)",
  permission: "Permission",
  "dynamic-permission": "Permission named from the contract",
};

/** What the rule grants, per target system: the tenant's systems and their permissions are picked by name. */
export function EntitlementsEditor({ entitlements, onChange }: { entitlements: EntitlementDraft[]; onChange: (entitlements: EntitlementDraft[]) => void }) {
  const tenant = useCurrentTenant();
  const systems = useTargetSystemsQuery(tenant.tenantId).data;
  const change = (id: string, patch: Partial<EntitlementDraft>) => onChange(entitlements.map((entitlement) => (entitlement.id === id ? { ...entitlement, ...patch } : entitlement)));
  return (
    <section className="form-section" aria-label="Entitlements">
      <h2 className="form-section__title">Entitlements</h2>
      <p className="field__hint">What a person in scope gets. Accounts come first, access on the start day, permissions with them.</p>
      <ol className="entitlement-list">
        {entitlements.map((entitlement, index) => {
          const label = (what: string) => `${what} of entitlement ${index + 1}`;
          return (
            <li key={entitlement.id} className="entitlement-row" aria-label={`Entitlement ${index + 1}`}>
              <select className="select" aria-label={label("Kind")} value={entitlement.kind} onChange={(event) => change(entitlement.id, { kind: event.target.value as EntitlementKind })}>
                <Options labels={kindLabels} />
              </select>
              {/* Another system's permission would not fit: changing the system clears it. */}
              <TargetSystemSelect label={label("Target system")} systems={systems} value={entitlement.targetSystemId} onChange={(targetSystemId) => change(entitlement.id, { targetSystemId, permissionId: "" })} />
              {entitlement.kind === "permission" && (
                <PermissionPicker
                  label={label("Permission")}
                  tenantId={tenant.tenantId}
                  targetSystemId={systems?.find((system) => system.id === entitlement.targetSystemId)?.id}
                  value={entitlement.permissionId}
                  onChange={(permissionId) => change(entitlement.id, { permissionId })}
                />
              )}
              {entitlement.kind === "dynamic-permission" && (
                <>
                  <input
                    className="input input--mono"
                    aria-label={label("Name template")}
                    placeholder="school-{Contract.Location.ExternalId}-staff"
                    value={entitlement.nameTemplate}
                    onChange={(event) => change(entitlement.id, { nameTemplate: event.target.value })}
                    spellCheck={false}
                  />
                  <label className="inline-check">
                    <input type="checkbox" checked={entitlement.create} onChange={(event) => change(entitlement.id, { create: event.target.checked })} />
                    <span>Create when missing</span>
                  </label>
                </>
              )}
              <button type="button" className="button button--quiet" aria-label={`Remove entitlement ${index + 1}`} onClick={() => onChange(entitlements.filter((other) => other.id !== entitlement.id))}>
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <div className="toolbar">
        <button type="button" className="button button--secondary" onClick={() => onChange([...entitlements, newEntitlement("account", entitlements.at(-1)?.targetSystemId ?? "")])}>
          Add entitlement
        </button>
      </div>
    </section>
  );
}
