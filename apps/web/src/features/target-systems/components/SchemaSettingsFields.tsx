import { useState } from "react";
import { Options } from "../../../components/Options.tsx";
import { SelectField } from "../../../components/SelectField.tsx";
import { TextAreaField } from "../../../components/TextAreaField.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { readPath, settingsFields, writePath, type SettingsField } from "../settings-schema-fields.ts";

type Settings = Record<string, unknown>;

/** A target connector's settings as a form generated from its JSON Schema (secrets are edited apart, write-only). */
export function SchemaSettingsFields({
  schema,
  secretFields,
  settings,
  onChange,
  disabled,
}: {
  schema: Record<string, unknown>;
  secretFields: readonly string[];
  settings: Settings;
  onChange: (settings: Settings) => void;
  disabled?: boolean;
}) {
  const fields = settingsFields(schema, secretFields);
  return (
    <div className="form-grid">
      {fields.map((field) => (
        <SettingsFieldInput key={field.path} field={field} value={readPath(settings, field.path)} disabled={disabled} onChange={(value) => onChange(writePath(settings, field.path, value))} />
      ))}
    </div>
  );
}

function SettingsFieldInput({ field, value, onChange, disabled }: { field: SettingsField; value: unknown; onChange: (value: unknown) => void; disabled?: boolean }) {
  const label = field.required ? field.label : `${field.label} (optional)`;
  const hint = field.description ?? (field.defaultValue !== undefined ? `Default: ${JSON.stringify(field.defaultValue)}` : undefined);
  switch (field.kind) {
    case "boolean":
      return (
        <label className="inline-check form-grid__wide">
          <input type="checkbox" checked={value === undefined ? field.defaultValue === true : value === true} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
          <span>{field.label}</span>
        </label>
      );
    case "choice":
      return (
        <SelectField label={label} hint={hint} value={typeof value === "string" ? value : ""} disabled={disabled} onChange={(event) => onChange(event.target.value || undefined)}>
          <option value="">{field.defaultValue !== undefined ? `Default (${String(field.defaultValue)})` : "Choose…"}</option>
          <Options values={field.options!} />
        </SelectField>
      );
    case "number":
      return (
        <TextField label={label} hint={hint} type="number" value={typeof value === "number" ? String(value) : ""} disabled={disabled} onChange={(event) => onChange(event.target.value === "" ? undefined : Number(event.target.value))} />
      );
    case "lines":
      return (
        <TextAreaField
          label={label}
          hint={hint ?? "One value per line."}
          rows={3}
          value={Array.isArray(value) ? value.join("\n") : ""}
          disabled={disabled}
          onChange={(event) => {
            const lines = event.target.value.split("\n").map((line) => line.trim()).filter(Boolean);
            onChange(lines.length > 0 ? lines : undefined);
          }}
        />
      );
    case "json":
      return <JsonSettingInput field={field} label={label} value={value} onChange={onChange} disabled={disabled} />;
    default:
      return <TextField label={label} hint={hint} value={typeof value === "string" ? value : ""} autoComplete="off" disabled={disabled} onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)} />;
  }
}

function JsonSettingInput({ field, label, value, onChange, disabled }: { field: SettingsField; label: string; value: unknown; onChange: (value: unknown) => void; disabled?: boolean }) {
  const [text, setText] = useState(() => (value === undefined ? "" : JSON.stringify(value, null, 2)));
  const [error, setError] = useState<string>();
  return (
    <TextAreaField
      label={`${label} (JSON)`}
      mono
      rows={4}
      className="form-grid__wide"
      value={text}
      error={error}
      hint={field.description}
      disabled={disabled}
      onChange={(event) => {
        setText(event.target.value);
        if (event.target.value.trim() === "") {
          setError(undefined);
          onChange(undefined);
          return;
        }
        try {
          onChange(JSON.parse(event.target.value));
          setError(undefined);
        } catch (parseError) {
          setError(`Not valid JSON: ${(parseError as Error).message}`);
        }
      }}
    />
  );
}
