import { Options, type Choice } from "../../../components/Options.tsx";
import { usePermissionsQuery, type TargetSystem } from "../../target-systems/api/target-system-queries.ts";

/*
 * The target system and the permission of an entitlement, chosen by name from what the tenant
 * has. A stored id that is no longer there stays selected as "Unknown …", so a rule is never
 * silently pointed elsewhere; saving it then shows the API's problem.
 */

/** The choices, the placeholder first, with the current value kept when the list lacks it. */
function choicesWith(current: string, placeholder: string, missingLabel: string, known: readonly Choice[]): Choice[] {
  const missing = current !== "" && !known.some((choice) => choice.value === current);
  return [{ value: "", label: placeholder, disabled: true }, ...(missing ? [{ value: current, label: missingLabel, title: current }] : []), ...known];
}

export function TargetSystemSelect({ label, systems, value, onChange }: { label: string; systems: readonly TargetSystem[] | undefined; value: string; onChange: (targetSystemId: string) => void }) {
  const choices = choicesWith(
    value,
    "Choose a target system",
    systems ? "Unknown target system" : "Loading target systems…",
    (systems ?? []).map((system) => ({ value: system.id, label: system.name })),
  );
  return (
    <select className="select" aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      <Options choices={choices} />
    </select>
  );
}

/**
 * The permissions last listed from the system; until the system has some listed (or when they
 * cannot be loaded), the permission's id is typed in instead.
 */
export function PermissionPicker({ label, tenantId, targetSystemId, value, onChange }: { label: string; tenantId: string; targetSystemId: string | undefined; value: string; onChange: (permissionId: string) => void }) {
  const permissions = usePermissionsQuery(tenantId, targetSystemId ?? "", targetSystemId !== undefined);
  if (targetSystemId === undefined || permissions.isPending) {
    const waiting = targetSystemId === undefined ? "Choose a target system first" : "Loading permissions…";
    return (
      <select className="select" aria-label={label} value={value} disabled>
        <Options choices={[{ value, label: waiting }]} />
      </select>
    );
  }
  if (!permissions.data?.length) {
    return <input className="input input--mono" aria-label={label} placeholder="No permissions listed: permission id" title="Refresh the target system's permissions to choose one by name." value={value} onChange={(event) => onChange(event.target.value)} spellCheck={false} />;
  }
  const known = permissions.data.map((permission) => ({
    value: permission.id,
    label: permission.goneAt ? `${permission.displayName} (gone from the target)` : permission.displayName,
    title: `${permission.kind}: ${permission.reference}`,
  }));
  return (
    <select className="select" aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      <Options choices={choicesWith(value, "Choose a permission", "Unknown permission", known)} />
    </select>
  );
}
