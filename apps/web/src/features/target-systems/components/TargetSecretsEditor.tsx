import { SecretRow, withSecretChange } from "../../../components/SecretRow.tsx";

/** New values by name; null removes a secret. Names left out keep their value. */
export type SecretChanges = Record<string, string | null>;

/**
 * A target connector's secrets (bind password, client secret, token) are write-only: the API says
 * which are set, never their values; each shows "Set" or "Not set" and a password field to replace it.
 */
export function TargetSecretsEditor({ secretFields, secretsSet, changes, onChange, disabled }: { secretFields: readonly string[]; secretsSet: readonly string[]; changes: SecretChanges; onChange: (changes: SecretChanges) => void; disabled?: boolean }) {
  const names = [...new Set([...secretFields, ...secretsSet])];
  if (names.length === 0) return null;
  const setValue = (name: string, value: string | null | undefined) => onChange(withSecretChange(changes, name, value));
  return (
    <fieldset className="fieldset secrets">
      <legend className="field__label">Secrets</legend>
      <p className="field__hint">Stored encrypted; never shown again. Leave a field empty to keep the stored value.</p>
      <ul className="secrets__list">
        {names.map((name) => (
          <SecretRow key={name} name={name} isSet={secretsSet.includes(name)} change={changes[name]} onChange={(value) => setValue(name, value)} disabled={disabled} />
        ))}
      </ul>
    </fieldset>
  );
}
