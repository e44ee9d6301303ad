import { Options } from "../../../components/Options.tsx";
import { newEntitlement, type EntitlementDraft, type EntitlementKind } from "../rule-form.ts";

const kindLabels: Record<EntitlementKind, string> = {
  account: "Account",
  access: "Access (account enabled)",
  permission: "Permission",
  "dynamic-permission": "Permission named from the contract",
};

/**
 * What the rule grants, per target system. Target systems and permissions are typed in by id
 * until the target-system routes are on main; then these inputs become pickers.
 */
export function EntitlementsEditor({ entitlements, onChange }: { entitlements: EntitlementDraft[]; onChange: (entitlements: EntitlementDraft[]) => void }) {
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
              <input className="input input--mono" aria-label={label("Target system id")} placeholder="Target system id" value={entitlement.targetSystemId} onChange={(event) => change(entitlement.id, { targetSystemId: event.target.value })} spellCheck={false} />
              {entitlement.kind === "permission" && (
                <input className="input input--mono" aria-label={label("Permission id")} placeholder="Permission id" value={entitlement.permissionId} onChange={(event) => change(entitlement.id, { permissionId: event.target.value })} spellCheck={false} />
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
