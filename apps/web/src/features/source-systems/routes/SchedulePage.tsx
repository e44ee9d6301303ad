import { useMemo, useState, type FormEvent } from "react";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { SelectField } from "../../../components/SelectField.tsx";
import { SubmitButton } from "../../../components/SubmitButton.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useTenantQuery } from "../../tenants/api/tenant-queries.ts";
import { usePermission } from "../../tenants/permissions.ts";
import { useUpdateSourceSystemMutation } from "../api/source-system-queries.ts";
import { readScheduleForm, writeScheduleForm, type ScheduleErrors, type ScheduleFormValues } from "../safety-forms.ts";
import { useSourceSystem } from "./SourceSystemLayout.tsx";

const hours = Array.from({ length: 25 }, (_, hour) => hour);

export function SchedulePage() {
  const sourceSystem = useSourceSystem();
  const tenant = useCurrentTenant();
  const tenantTimeZone = useTenantQuery(tenant.tenantId).data?.settings.timeZone ?? "Europe/Amsterdam";
  const canConfigure = usePermission("configure");
  const update = useUpdateSourceSystemMutation(tenant.tenantId, sourceSystem.id);
  const [values, setValues] = useState<ScheduleFormValues>(() => readScheduleForm(sourceSystem.schedule, tenantTimeZone));
  const [errors, setErrors] = useState<ScheduleErrors>({});
  const [saved, setSaved] = useState(false);
  const timeZones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const set = (change: Partial<ScheduleFormValues>) => setValues({ ...values, ...change });
  const disabled = !canConfigure;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const result = writeScheduleForm(values);
    setErrors(result.errors);
    if (result.schedule === undefined) return;
    update.mutate({ schedule: result.schedule }, { onSuccess: () => setSaved(true) });
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Import schedule">
      <Panel title="Schedule" description="Imports that run by themselves. Manual imports are always possible.">
        <div className="form">
          {update.error && <ErrorAlert error={update.error} title="The schedule was not saved" />}
          {saved && !update.isPending && <Alert tone="success">Schedule saved.</Alert>}
          <label className="switch">
            <input type="checkbox" checked={values.enabled} disabled={disabled} onChange={(event) => set({ enabled: event.target.checked })} />
            <span>
              <span className="choice__label">Import on a schedule</span>
              <span className="choice__description">Off: this source imports only when someone starts an import or calls the API.</span>
            </span>
          </label>
          {values.enabled && (
            <div className="form-grid">
              <TextField
                label="Cron expression"
                className="input--mono-field"
                value={values.cron}
                disabled={disabled}
                onChange={(event) => set({ cron: event.target.value })}
                error={errors.cron}
                hint="Minute, hour, day of month, month, day of week. 0 */4 * * * runs every four hours; 30 6 * * 1-5 at 06:30 on weekdays."
                autoComplete="off"
                spellCheck={false}
              />
              <SelectField
                label="Time zone"
                value={values.timeZone}
                disabled={disabled}
                onChange={(event) => set({ timeZone: event.target.value })}
                error={errors.timeZone}
                hint="The cron expression and the allowed hours are read in this time zone."
              >
                {(timeZones.includes(values.timeZone) ? timeZones : [values.timeZone, ...timeZones]).map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </SelectField>
              <TextField
                label="Jitter (seconds)"
                inputMode="numeric"
                value={values.jitterSeconds}
                disabled={disabled}
                onChange={(event) => set({ jitterSeconds: event.target.value })}
                error={errors.jitterSeconds}
                hint="Each run starts up to this many seconds late, so tenants do not all pull at the same moment (0–3600)."
              />
              <fieldset className="fieldset form-grid__wide">
                <legend className="field__label">Allowed hours</legend>
                <label className="inline-check">
                  <input
                    type="checkbox"
                    checked={values.windowEnabled}
                    disabled={disabled}
                    onChange={(event) => set({ windowEnabled: event.target.checked })}
                  />
                  <span>Only import within a window, for a system that may only be read at certain hours</span>
                </label>
                {values.windowEnabled && (
                  <div className="hour-window">
                    <SelectField label="From" value={values.from} disabled={disabled} onChange={(event) => set({ from: event.target.value })} error={errors.from}>
                      {hours.map((hour) => (
                        <option key={hour} value={hour}>
                          {String(hour).padStart(2, "0")}:00
                        </option>
                      ))}
                    </SelectField>
                    <SelectField label="To" value={values.to} disabled={disabled} onChange={(event) => set({ to: event.target.value })} error={errors.to}>
                      {hours.map((hour) => (
                        <option key={hour} value={hour}>
                          {String(hour).padStart(2, "0")}:00
                        </option>
                      ))}
                    </SelectField>
                    <p className="field__hint hour-window__hint">
                      A window may wrap midnight: 23:00 to 07:00 is the night. A run that falls outside waits for the window.
                    </p>
                  </div>
                )}
              </fieldset>
            </div>
          )}
          {canConfigure && (
            <SubmitButton pending={update.isPending} pendingLabel="Saving…">
              Save schedule
            </SubmitButton>
          )}
        </div>
      </Panel>
    </form>
  );
}
