import type { TargetSystemView } from "@idlife/contracts";
import { useId } from "react";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { Table } from "../../../components/DataTable.tsx";
import { SubmitButton } from "../../../components/SubmitButton.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { useCheckedForm } from "../../../lib/use-checked-form.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useUpdateTargetSystemMutation } from "../api/target-system-queries.ts";
import { effectiveThresholds, limitBounds, limitFieldName, limitFields, readThresholdForm, thresholdActionLabel, thresholdActions, thresholdFormSchema, type LimitField } from "../target-thresholds-form.ts";

const columnText: Record<LimitField, string> = { count: "At most (actions)", percent: "At most (percent)" };

/**
 * The system's safety thresholds per action, as a table; administrators who may configure edit
 * them in place, everyone else reads them.
 */
export function TargetThresholdsPanel({ system, editable }: { system: TargetSystemView; editable: boolean }) {
  const tenant = useCurrentTenant();
  const update = useUpdateTargetSystemMutation(tenant.tenantId, system.id);
  const { errors, handleSubmit, outcome } = useCheckedForm({
    schema: thresholdFormSchema,
    read: readThresholdForm,
    messages: (invalid) => invalid,
    submit: (thresholds, options) => update.mutate({ thresholds }, options),
  });
  const current = effectiveThresholds(system.thresholds);
  const headingId = useId();

  return (
    // Keyed by the saved version: after a save the fields show what the API stored.
    <form key={system.updatedAt} className="panel form-panel" onSubmit={handleSubmit} noValidate aria-labelledby={headingId}>
      <header className="panel__header">
        <div>
          <h2 className="panel__title" id={headingId}>
            Safety thresholds
          </h2>
          <p className="panel__description">
            When one evaluation would do more of an action within the window than its limit allows, those changes are blocked and wait for an administrator to approve them on the evaluation.
          </p>
        </div>
      </header>
      <div className="panel__body form">
        {update.error && <ErrorAlert error={update.error} title="The thresholds were not saved" />}
        {outcome !== null && !update.isPending && <Alert tone="success">Thresholds saved.</Alert>}
        <p className="field__hint">A system that never set a limit has the platform's defaults shown here. The percentage is of what is granted now.</p>
        <Table caption="Safety thresholds per action" columns={["Action", ...limitFields.map((field) => columnText[field])]} flush>
          {thresholdActions.map((action) => (
            <tr key={action}>
              <th scope="row">{thresholdActionLabel(action)}</th>
              {limitFields.map((field) => {
                const value = current.limits[action][field];
                const name = limitFieldName(action, field);
                return (
                  <td key={field}>
                    {editable ? (
                      <LimitInput name={name} label={`${thresholdActionLabel(action)}: ${columnText[field]}`} value={value} bounds={limitBounds[field]} error={errors[name]} />
                    ) : (
                      (value ?? "No limit")
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </Table>
        {editable ? (
          <TextField
            label="Window (hours)"
            name="windowHours"
            type="number"
            defaultValue={current.windowHours}
            {...limitBounds.windowHours}
            step={1}
            error={errors.windowHours}
            hint="Actions already done within this many hours count toward the limits too."
            className="field--narrow"
          />
        ) : (
          <p className="field__hint">Actions already done within the last {current.windowHours} hours count toward the limits too.</p>
        )}
      </div>
      {editable && (
        <div className="panel__actions">
          <span className="muted panel__actions-note">An empty field is no limit.</span>
          <SubmitButton pending={update.isPending} pendingLabel="Saving…">
            Save thresholds
          </SubmitButton>
        </div>
      )}
    </form>
  );
}

function LimitInput({ name, label, value, bounds, error }: { name: string; label: string; value: number | undefined; bounds: { min: number; max: number | undefined }; error: string | undefined }) {
  return (
    <>
      <input className="input" type="number" name={name} aria-label={label} aria-invalid={error ? true : undefined} defaultValue={value ?? ""} placeholder="No limit" min={bounds.min} max={bounds.max} />
      {error && <span className="field__error">{error}</span>}
    </>
  );
}
