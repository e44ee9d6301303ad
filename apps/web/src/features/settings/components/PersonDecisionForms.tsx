import type { Tenant, TenantSettings } from "@idlife/contracts";
import { useState, type FormEvent, type ReactNode } from "react";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { Options } from "../../../components/Options.tsx";
import { SelectField } from "../../../components/SelectField.tsx";
import { SubmitButton } from "../../../components/SubmitButton.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { DEFAULT_AGGREGATION_SETTINGS, DEFAULT_MANAGER_OPTIONS } from "../../../lib/idlife-core.ts";
import { useUpdateTenantSettingsMutation } from "../api/tenant-settings-queries.ts";

const conventions: { value: NonNullable<TenantSettings["nameConvention"]>; label: string }[] = [
  { value: "B", label: "Birth name (Jan de Vries)" },
  { value: "P", label: "Partner name (Jan Jansen)" },
  { value: "BP", label: "Birth name - partner name (Anna van den Berg - de Jong)" },
  { value: "PB", label: "Partner name - birth name (Anna de Jong - van den Berg)" },
];

/** One setting's form: its own Save, and what happened after saving (by default: persons are decided again). */
export function SettingForm({
  tenant,
  label,
  children,
  read,
  saved = "Saved. Persons are being decided again; this takes a moment.",
}: {
  tenant: Tenant;
  label: string;
  children: ReactNode;
  read: (data: FormData) => Partial<TenantSettings>;
  saved?: string;
}) {
  const save = useUpdateTenantSettingsMutation(tenant.id);
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(read(new FormData(event.currentTarget)));
  }
  return (
    <form className="form form-section" aria-label={label} onSubmit={handleSubmit} onChange={() => save.reset()} noValidate>
      <h3 className="form-section__title">{label}</h3>
      {children}
      <SubmitButton pending={save.isPending} pendingLabel="Saving…">
        {`Save ${label.toLowerCase()}`}
      </SubmitButton>
      {save.error && <ErrorAlert error={save.error} title={`The ${label.toLowerCase()} was not saved`} />}
      {save.isSuccess && <Alert tone="success">{saved}</Alert>}
    </form>
  );
}

export function NameConventionForm({ tenant }: { tenant: Tenant }) {
  return (
    <SettingForm tenant={tenant} label="Name convention" read={(data) => ({ nameConvention: String(data.get("nameConvention")) as TenantSettings["nameConvention"] })}>
      <SelectField label="Display names" name="nameConvention" defaultValue={tenant.settings.nameConvention ?? "B"} hint="For persons whose source system gives no convention of its own.">
        <Options choices={conventions} />
      </SelectField>
    </SettingForm>
  );
}

export function ManagerOptionsForm({ tenant }: { tenant: Tenant }) {
  const options = tenant.settings.managerOptions ?? DEFAULT_MANAGER_OPTIONS;
  return (
    <SettingForm
      tenant={tenant}
      label="Manager"
      read={(data) => ({ managerOptions: { source: data.get("source") === "department" ? "department" : "contract", walkUpWhenMissingOrSelf: data.get("walkUp") === "on" } })}
    >
      <SelectField label="A person's manager comes from" name="source" defaultValue={options.source}>
        <option value="contract">The primary contract's manager</option>
        <option value="department">The manager of the primary contract's department</option>
      </SelectField>
      <label className="inline-check">
        <input type="checkbox" name="walkUp" defaultChecked={options.walkUpWhenMissingOrSelf} />
        <span>When there is none, or it is the person themselves, use the manager of the department above</span>
      </label>
    </SettingForm>
  );
}

export function AggregationForm({ tenant }: { tenant: Tenant }) {
  const thresholds = tenant.settings.aggregation ?? DEFAULT_AGGREGATION_SETTINGS;
  const [error, setError] = useState<string>();
  return (
    <SettingForm
      tenant={tenant}
      label="Aggregation thresholds"
      read={(data) => {
        const suggestAt = Number(data.get("suggestAt"));
        const automaticAt = Number(data.get("automaticAt"));
        setError(suggestAt > automaticAt ? "Suggesting must not start above merging automatically; the API will refuse this." : undefined);
        return { aggregation: { suggestAt, automaticAt } };
      }}
    >
      <p className="muted">How alike two source records of one human (for example HR and the student system) must be, in percent.</p>
      <div className="form-grid">
        <TextField label="Suggest a merge from" name="suggestAt" type="number" min={1} max={100} defaultValue={thresholds.suggestAt} error={error} />
        <TextField label="Merge automatically from" name="automaticAt" type="number" min={1} max={100} defaultValue={thresholds.automaticAt} />
      </div>
    </SettingForm>
  );
}
