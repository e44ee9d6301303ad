import { TextField } from "../../../components/TextField.tsx";

type Settings = Record<string, unknown>;

function departmentsOf(settings: Settings): Settings | undefined {
  const value = settings.departments;
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Settings) : undefined;
}

/**
 * The HTTP JSON connector's departments endpoint (same API, authentication and headers as the
 * persons endpoint). An empty address removes it; other endpoint settings (pagination) stay in the JSON.
 */
export function HttpJsonDepartmentsFields({ settings, onChange, disabled }: { settings: Settings; onChange: (settings: Settings) => void; disabled?: boolean | undefined }) {
  const departments = departmentsOf(settings);
  const url = typeof departments?.url === "string" ? departments.url : "";
  const recordsPath = typeof departments?.recordsPath === "string" ? departments.recordsPath : "";

  function set(change: { url?: string; recordsPath?: string }) {
    const nextUrl = (change.url ?? url).trim();
    const { departments: _previous, ...rest } = settings;
    if (nextUrl === "") {
      onChange(rest);
      return;
    }
    onChange({ ...rest, departments: { ...departments, url: nextUrl, recordsPath: (change.recordsPath ?? recordsPath).trim() } });
  }

  return (
    <div className="form-grid">
      <TextField
        label="Departments endpoint"
        type="url"
        value={url}
        placeholder="https://hr.example.com/api/departments"
        onChange={(event) => set({ url: event.target.value })}
        hint="Optional: the department tree with each department's parent and manager. Map its fields on the Department tab of the mapping."
        autoComplete="off"
        disabled={disabled}
      />
      <TextField
        label="Departments records path"
        value={recordsPath}
        placeholder="data.items"
        onChange={(event) => set({ recordsPath: event.target.value })}
        hint="Dot path to the list of departments in the answer; empty when the answer is the list."
        autoComplete="off"
        disabled={disabled || url === ""}
      />
    </div>
  );
}
