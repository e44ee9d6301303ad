/**
 * One write-only secret in a settings form: whether it is set (never its value), a password field
 * to set or replace it, and Remove / Keep for a stored one. `change`: a new value, null to remove,
 * undefined to keep what is stored.
 */
export function SecretRow({
  name,
  isSet,
  change,
  onChange,
  disabled,
}: {
  name: string;
  isSet: boolean;
  change: string | null | undefined;
  onChange: (change: string | null | undefined) => void;
  disabled?: boolean;
}) {
  const removing = change === null;
  return (
    <li className="secrets__row">
      <code className="code secrets__name">{name}</code>
      <span className={`badge ${isSet && !removing ? "badge--success" : "badge--neutral"}`}>{removing ? "Removed on save" : isSet ? "Set" : "Not set"}</span>
      <input
        type="password"
        className="input secrets__input"
        aria-label={`${isSet ? "Replace" : "Set"} ${name}`}
        placeholder={isSet ? "Replace value" : "Value"}
        autoComplete="new-password"
        value={typeof change === "string" ? change : ""}
        onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
        disabled={disabled || removing}
      />
      {isSet && (
        <button type="button" className="button button--quiet button--small" onClick={() => onChange(removing ? undefined : null)} disabled={disabled}>
          {removing ? "Keep" : "Remove"}
          <span className="visually-hidden"> {name}</span>
        </button>
      )}
    </li>
  );
}

/** The secret changes with one name's change applied: a value sets it, null removes it, undefined keeps the stored one. */
export function withSecretChange(changes: Record<string, string | null>, name: string, change: string | null | undefined): Record<string, string | null> {
  const next = { ...changes };
  if (change === undefined || change === "") delete next[name];
  else next[name] = change;
  return next;
}
