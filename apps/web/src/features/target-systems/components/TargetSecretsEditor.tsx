/** New values by name; null removes a secret. Names left out keep their value. */
export type SecretChanges = Record<string, string | null>;

/**
 * A target connector's secrets (bind password, client secret, token) are write-only: the API says
 * which are set, never their values; each shows "Set" or "Not set" and a password field to replace it.
 */
export function TargetSecretsEditor({ secretFields, secretsSet, changes, onChange, disabled }: { secretFields: readonly string[]; secretsSet: readonly string[]; changes: SecretChanges; onChange: (changes: SecretChanges) => void; disabled?: boolean }) {
  const names = [...new Set([...secretFields, ...secretsSet])];
  if (names.length === 0) return null;
  function setValue(name: string, value: string | null | undefined) {
    const next = { ...changes };
    if (value === undefined || value === "") delete next[name];
    else next[name] = value;
    onChange(next);
  }
  return (
    <fieldset className="fieldset secrets">
      <legend className="field__label">Secrets</legend>
      <p className="field__hint">Stored encrypted; never shown again. Leave a field empty to keep the stored value.</p>
      <ul className="secrets__list">
        {names.map((name) => {
          const isSet = secretsSet.includes(name);
          const change = changes[name];
          return (
            <li key={name} className="secrets__row">
              <code className="code secrets__name">{name}</code>
              <span className={`badge ${isSet && change !== null ? "badge--success" : "badge--neutral"}`}>{change === null ? "Removed on save" : isSet ? "Set" : "Not set"}</span>
              <input
                type="password"
                className="input secrets__input"
                aria-label={`${isSet ? "Replace" : "Set"} ${name}`}
                placeholder={isSet ? "Replace value" : "Value"}
                autoComplete="new-password"
                value={typeof change === "string" ? change : ""}
                onChange={(event) => setValue(name, event.target.value)}
                disabled={disabled || change === null}
              />
              {isSet && (
                <button type="button" className="button button--quiet button--small" onClick={() => setValue(name, change === null ? undefined : null)} disabled={disabled}>
                  {change === null ? "Keep" : "Remove"}
                  <span className="visually-hidden"> {name}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
