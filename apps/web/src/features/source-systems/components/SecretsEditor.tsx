import type { ConnectorType } from "@idlife/contracts";
import { useId, useState } from "react";
import { Suggestions } from "../../../components/Options.tsx";
import { SecretRow, withSecretChange } from "../../../components/SecretRow.tsx";
import { scriptSecretNamePattern, secretHints, secretSuggestions } from "../connector-types.ts";

/** New values by name; null removes a secret. Names left out keep their value. */
export type SecretChanges = Record<string, string | null>;

/**
 * Secrets are write-only: the API says which are set, never their values. Each known secret
 * shows "Set" or "Not set" and a password field to set or replace it.
 */
export function SecretsEditor({
  connectorType,
  secretsSet,
  changes,
  onChange,
  disabled,
}: {
  connectorType: ConnectorType;
  secretsSet: readonly string[];
  changes: SecretChanges;
  onChange: (changes: SecretChanges) => void;
  disabled?: boolean;
}) {
  const [extraNames, setExtraNames] = useState<string[]>([]);
  const [newName, setNewName] = useState("");
  const [nameError, setNameError] = useState<string>();
  const datalistId = useId();
  const names = [...new Set([...secretSuggestions[connectorType], ...secretsSet, ...extraNames, ...Object.keys(changes)])];

  const setValue = (name: string, value: string | null | undefined) => onChange(withSecretChange(changes, name, value));

  function addName() {
    const name = newName.trim();
    if (!name || names.includes(name)) return;
    if (connectorType === "script" && !scriptSecretNamePattern.test(name)) {
      setNameError("A secret's name starts with a letter or _ and holds only letters, digits and _ (at most 64), such as apiKey.");
      return;
    }
    setNameError(undefined);
    setExtraNames([...extraNames, name]);
    setNewName("");
  }

  return (
    <fieldset className="fieldset secrets">
      <legend className="field__label">Secrets</legend>
      <p className="field__hint">{secretHints[connectorType]} Stored encrypted; never shown again.</p>
      {names.length > 0 && (
        <ul className="secrets__list">
          {names.map((name) => (
            <SecretRow key={name} name={name} isSet={secretsSet.includes(name)} change={changes[name]} onChange={(value) => setValue(name, value)} disabled={disabled} />
          ))}
        </ul>
      )}
      <div className="secrets__add">
        <input
          className="input"
          aria-label="Name of another secret"
          aria-invalid={nameError ? true : undefined}
          placeholder="Another secret's name"
          list={datalistId}
          value={newName}
          onChange={(event) => setNewName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              addName();
            }
          }}
          disabled={disabled}
        />
        <Suggestions id={datalistId} values={secretSuggestions[connectorType]} />
        <button type="button" className="button button--secondary button--small" onClick={addName} disabled={disabled || !newName.trim()}>
          Add secret
        </button>
      </div>
      {nameError && (
        <p className="field__error" role="alert">
          {nameError}
        </p>
      )}
    </fieldset>
  );
}
