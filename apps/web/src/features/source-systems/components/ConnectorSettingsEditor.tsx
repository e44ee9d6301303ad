import type { ConnectorType } from "@idlife/contracts";
import { useEffect, useId, useState } from "react";
import { DescribedChoice } from "../../../components/DescribedChoice.tsx";
import { Options } from "../../../components/Options.tsx";
import { SelectField } from "../../../components/SelectField.tsx";
import { TextAreaField } from "../../../components/TextAreaField.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { csvDelimiterOptions, csvEncodingOptions } from "../connector-types.ts";
import { readCsvForm, writeCsvForm, type CsvFormValues, type CsvLayout } from "../csv-settings-form.ts";
import { textBinding } from "../settings-binding.ts";
import { AllowedHostsField } from "./AllowedHostsField.tsx";
import { HttpJsonDepartmentsFields } from "./HttpJsonDepartmentsFields.tsx";

type Settings = Record<string, unknown>;

interface ConnectorSettingsEditorProps {
  connectorType: ConnectorType;
  settings: Settings;
  onChange: (settings: Settings) => void;
  /** Set while the JSON text does not parse, so the form can refuse to save it. */
  onJsonErrorChange: (error: string | undefined) => void;
  disabled?: boolean;
}

/**
 * Connector settings as a form where the connector has one (CSV; the script and its allowed
 * hosts for script sources) and always as the full JSON object, which both edit: the form for
 * the usual settings, the JSON for everything else the connector supports.
 */
export function ConnectorSettingsEditor({ connectorType, settings, onChange, onJsonErrorChange, disabled }: ConnectorSettingsEditorProps) {
  const [jsonText, setJsonText] = useState(() => stringify(settings));
  const [jsonError, setJsonError] = useState<string>();

  // The form changed the object: show it in the JSON view (unless the person is mid-edit there).
  useEffect(() => {
    setJsonText((current) => (sameJson(current, settings) ? current : stringify(settings)));
    setJsonError(undefined);
  }, [settings]);

  useEffect(() => onJsonErrorChange(jsonError), [jsonError, onJsonErrorChange]);

  function changeJson(text: string) {
    setJsonText(text);
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        setJsonError("The settings are a JSON object: { … }");
        return;
      }
      setJsonError(undefined);
      onChange(parsed as Settings);
    } catch (error) {
      setJsonError(`Not valid JSON: ${(error as Error).message}`);
    }
  }

  const jsonField = (
    <TextAreaField
      label={connectorType === "http-json" ? "Settings (JSON)" : "All settings (JSON)"}
      mono
      rows={connectorType === "http-json" ? 14 : 12}
      value={jsonText}
      onChange={(event) => changeJson(event.target.value)}
      error={jsonError}
      disabled={disabled}
      hint={
        connectorType === "http-json"
          ? "url, recordsPath, pagination, auth (type and username; put passwords and tokens in the secrets below), headers, contracts, departments."
          : connectorType === "script"
            ? "script, config (plain values the script reads; a password, token or key typed here is moved to the secrets), allowedHosts, timeoutMs (at most 30 minutes), memoryLimitMb (at most 1024)."
            : "Every setting of the connector, including those the form above does not show."
      }
    />
  );

  if (connectorType === "http-json") {
    return (
      <div className="stack">
        <HttpJsonDepartmentsFields settings={settings} onChange={onChange} disabled={disabled} />
        {jsonField}
      </div>
    );
  }

  return (
    <div className="stack">
      {connectorType === "csv" ? (
        <CsvSettingsFields settings={settings} onChange={onChange} disabled={disabled} />
      ) : (
        <TextAreaField
          label="Script"
          mono
          rows={12}
          value={typeof settings.script === "string" ? settings.script : ""}
          onChange={(event) => onChange({ ...settings, script: event.target.value })}
          disabled={disabled}
          hint="Modern JavaScript, run in a sandbox with time and memory limits. Its async function main({ config, secrets, http, log, progress }) receives settings.config, placeholders for the secrets (filled in only in requests to hosts listed in allowedHosts) and an http bridge limited to allowedHosts, and returns { persons, departments }."
        />
      )}
      {connectorType === "script" && <AllowedHostsField settings={settings} onChange={onChange} disabled={disabled} />}
      <details className="disclosure">
        <summary className="disclosure__summary">Advanced (JSON)</summary>
        <div className="disclosure__body">{jsonField}</div>
      </details>
    </div>
  );
}

const csvLayouts: Array<{ value: CsvLayout; label: string; description: string }> = [
  { value: "single", label: "One file", description: "A row per contract (or per person), grouped into persons by the person key." },
  { value: "two-files", label: "Two files", description: "A persons file and a contracts file, joined on a key column." },
];

const departmentsFile = {
  label: "Departments file",
  description:
    "The department tree with each department's parent and manager, uploaded as a third file in the same format. Managers who are only recorded on departments come from it; map its columns on the Department tab of the mapping.",
};

function CsvSettingsFields({ settings, onChange, disabled }: { settings: Settings; onChange: (settings: Settings) => void; disabled?: boolean }) {
  const values = readCsvForm(settings);
  const layoutName = useId();
  const set = (change: Partial<CsvFormValues>) => onChange(writeCsvForm(settings, { ...values, ...change }));
  const text = textBinding(values, set, disabled);

  return (
    <div className="form-grid">
      <fieldset className="fieldset form-grid__wide">
        <legend className="field__label">Files</legend>
        <div className="choice-row">
          {csvLayouts.map((layout) => (
            <DescribedChoice key={layout.value} choice={layout} type="radio" name={layoutName} value={layout.value} checked={values.layout === layout.value} onChange={() => set({ layout: layout.value })} disabled={disabled} />
          ))}
        </div>
      </fieldset>
      <SelectField label="Delimiter" value={values.delimiter} onChange={(event) => set({ delimiter: event.target.value })} disabled={disabled}>
        <Options choices={csvDelimiterOptions} />
      </SelectField>
      <SelectField label="Encoding" value={values.encoding} onChange={(event) => set({ encoding: event.target.value })} disabled={disabled}>
        <Options choices={csvEncodingOptions} />
      </SelectField>
      <TextField
        label="Person key column"
        {...text("personKey")}
        hint="The column that identifies a person, such as Personeelsnummer."
      />
      {values.layout === "single" ? (
        <TextField
          label="Contract columns"
          {...text("contractColumns")}
          hint="Columns that describe a contract, separated by commas; all other columns describe the person."
        />
      ) : (
        <TextField
          label="Join key column (contracts file)"
          {...text("joinKey")}
          hint="The contracts file's column that holds the person key."
        />
      )}
      <DescribedChoice className="switch form-grid__wide" choice={departmentsFile} type="checkbox" checked={values.departments} disabled={disabled} onChange={(event) => set({ departments: event.target.checked })} />
      {values.departments && (
        <TextField
          label="Department key column"
          {...text("departmentKey")}
          hint="The departments file's column that identifies a department, such as Afdelingscode."
        />
      )}
    </div>
  );
}

function stringify(settings: Settings): string {
  return JSON.stringify(settings, null, 2);
}

function sameJson(text: string, settings: Settings): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(settings);
  } catch {
    return false;
  }
}
