import { TextField } from "../../../components/TextField.tsx";

export interface PasswordPolicy {
  length: number;
  generate: boolean;
}

/** Whether the engine sets a generated password on create (never stored, never shown), and how long. */
export function PasswordPolicyField({ policy, onChange, disabled }: { policy: PasswordPolicy; onChange: (policy: PasswordPolicy) => void; disabled?: boolean }) {
  return (
    <div className="form-grid">
      <label className="inline-check form-grid__wide">
        <input type="checkbox" checked={policy.generate} disabled={disabled} onChange={(event) => onChange({ ...policy, generate: event.target.checked })} />
        <span>Set a generated password on create (Active Directory needs an LDAPS or StartTLS connection for it)</span>
      </label>
      {policy.generate && (
        <TextField label="Password length" type="number" min={12} max={128} value={String(policy.length)} disabled={disabled} onChange={(event) => onChange({ ...policy, length: Math.min(128, Math.max(12, Number(event.target.value) || 20)) })} />
      )}
    </div>
  );
}
