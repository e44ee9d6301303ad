import { useId, useRef } from "react";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useCheckScriptMutation } from "../api/mapping-queries.ts";

/**
 * A complex mapping's JavaScript. Leaving the field checks that it compiles (on the server, in
 * the same sandbox that runs it), so a typo shows with its line before the mapping is saved.
 */
export function ScriptField({
  label,
  value,
  onChange,
  readOnly,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  readOnly?: boolean;
  hint: string;
}) {
  const tenant = useCurrentTenant();
  const check = useCheckScriptMutation(tenant.tenantId);
  const checkedScript = useRef<string>(undefined);
  const id = useId();
  const result = check.data;
  const stale = checkedScript.current !== value;
  const problem = !stale && result && !result.ok ? `${result.line ? `Line ${result.line}: ` : ""}${result.message}` : undefined;
  const warning = !stale && result?.ok ? result.warning : undefined;

  function runCheck() {
    if (readOnly || !value.trim() || checkedScript.current === value) return;
    checkedScript.current = value;
    check.mutate(value);
  }

  return (
    <div className="script-field">
      <textarea
        id={id}
        className="input input--mono textarea script-field__input"
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint ${id}-status`}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        rows={Math.min(12, Math.max(3, value.split("\n").length + 1))}
        value={value}
        readOnly={readOnly}
        onChange={(event) => onChange(event.target.value)}
        onBlur={runCheck}
      />
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      <p id={`${id}-status`} className={problem ? "field__error" : "field__hint"} aria-live="polite">
        {check.isPending ? "Checking the script…" : problem ? problem : warning ? warning : check.error && !stale ? "The script could not be checked; it is checked again on save." : ""}
      </p>
    </div>
  );
}
