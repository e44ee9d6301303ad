import { TextField } from "../../../components/TextField.tsx";
import { readHttpJsonDepartments, writeHttpJsonDepartments, type HttpJsonDepartmentsValues } from "../http-json-departments.ts";
import { textBinding } from "../settings-binding.ts";

type Settings = Record<string, unknown>;

/** The HTTP JSON connector's departments endpoint (same API, authentication and headers as the persons endpoint). */
export function HttpJsonDepartmentsFields({ settings, onChange, disabled }: { settings: Settings; onChange: (settings: Settings) => void; disabled?: boolean | undefined }) {
  const values = readHttpJsonDepartments(settings);
  const set = (change: Partial<HttpJsonDepartmentsValues>) => onChange(writeHttpJsonDepartments(settings, { ...values, ...change }));
  const text = textBinding(values, set, disabled);

  return (
    <div className="form-grid">
      <TextField
        label="Departments endpoint"
        type="url"
        {...text("url")}
        placeholder="https://hr.example.com/api/departments"
        hint="Optional: the department tree with each department's parent and manager. Map its fields on the Department tab of the mapping."
      />
      <TextField
        label="Departments records path"
        {...text("recordsPath")}
        placeholder="data.items"
        hint="Dot path to the list of departments in the answer; empty when the answer is the list."
        disabled={disabled || values.url === ""}
      />
    </div>
  );
}
