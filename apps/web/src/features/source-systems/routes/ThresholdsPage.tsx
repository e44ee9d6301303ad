import { useState, type FormEvent } from "react";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { SubmitButton } from "../../../components/SubmitButton.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { useUpdateSourceSystemMutation } from "../api/source-system-queries.ts";
import { readThresholdForm, thresholdKinds, writeThresholdForm, type ThresholdErrors, type ThresholdKind } from "../safety-forms.ts";
import { useSourceSystem } from "./SourceSystemLayout.tsx";

const kindText: Record<ThresholdKind, { title: string; description: string }> = {
  added: { title: "Persons added", description: "New persons in one import. Rarely guarded: new accounts are created disabled." },
  removed: {
    title: "Persons removed",
    description: "Persons no longer delivered. An empty or cut-off export looks exactly like everyone leaving, so this is guarded by default.",
  },
  blocked: {
    title: "Persons blocked",
    description: "Persons the mapping blocks (a required field empty, a script error), as a share of this delivery. A mapping that fails for many looks like a broken import, so this is guarded by default.",
  },
};

export function ThresholdsPage() {
  const sourceSystem = useSourceSystem();
  const tenant = useCurrentTenant();
  const canConfigure = usePermission("configure");
  const update = useUpdateSourceSystemMutation(tenant.tenantId, sourceSystem.id);
  const [values, setValues] = useState(() => readThresholdForm(sourceSystem.thresholds));
  const [errors, setErrors] = useState<ThresholdErrors>({});
  const [saved, setSaved] = useState(false);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const result = writeThresholdForm(values);
    setErrors(result.errors);
    if (!result.thresholds) return;
    update.mutate({ thresholds: result.thresholds }, { onSuccess: () => setSaved(true) });
  }

  const removalUnguarded = values.removed.count.trim() === "" && values.removed.percent.trim() === "";

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Safety thresholds">
      <Panel
        title="Safety thresholds"
        description="An import that reaches a limit is blocked as a whole before any person changes; an administrator can approve it once. Percentages are of the previous import."
      >
        <div className="form">
          {update.error && <ErrorAlert error={update.error} title="The thresholds were not saved" />}
          {saved && !update.isPending && <Alert tone="success">Thresholds saved. They apply from the next import.</Alert>}
          <div className="threshold-grid">
            {thresholdKinds.map((kind) => (
              <fieldset key={kind} className="threshold-card">
                <legend className="threshold-card__title">{kindText[kind].title}</legend>
                <p className="field__hint">{kindText[kind].description}</p>
                <div className="threshold-card__inputs">
                  <LimitInput
                    label="Count"
                    suffix="persons"
                    value={values[kind].count}
                    error={errors[`${kind}.count`]}
                    disabled={!canConfigure}
                    onChange={(count) => setValues({ ...values, [kind]: { ...values[kind], count } })}
                    accessibleName={`${kindText[kind].title}: count`}
                  />
                  <LimitInput
                    label="Percent"
                    suffix="%"
                    value={values[kind].percent}
                    error={errors[`${kind}.percent`]}
                    disabled={!canConfigure}
                    onChange={(percent) => setValues({ ...values, [kind]: { ...values[kind], percent } })}
                    accessibleName={`${kindText[kind].title}: percent`}
                  />
                </div>
              </fieldset>
            ))}
          </div>
          {removalUnguarded && (
            <Alert tone="info" title="Removal is not guarded">
              Without a removal limit, an empty or truncated export makes everyone a former person in one import.
            </Alert>
          )}
          <p className="field__hint">Leave both fields empty for no limit. Reaching either the count or the percentage blocks the import.</p>
          {canConfigure && (
            <SubmitButton pending={update.isPending} pendingLabel="Saving…">
              Save thresholds
            </SubmitButton>
          )}
        </div>
      </Panel>
    </form>
  );
}

function LimitInput({
  label,
  suffix,
  value,
  error,
  disabled,
  onChange,
  accessibleName,
}: {
  label: string;
  suffix: string;
  value: string;
  error?: string;
  disabled: boolean;
  onChange: (value: string) => void;
  accessibleName: string;
}) {
  return (
    <label className="limit-input">
      <span className="limit-input__label" aria-hidden="true">
        {label}
      </span>
      <span className="input-with-suffix">
        <input
          className="input"
          inputMode="decimal"
          aria-label={accessibleName}
          aria-invalid={error ? true : undefined}
          value={value}
          placeholder="None"
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
        />
        <span className="input-with-suffix__suffix" aria-hidden="true">
          {suffix}
        </span>
      </span>
      {error && <span className="field__error">{error}</span>}
    </label>
  );
}
