/**
 * The HTTP JSON connector's departments endpoint as the settings form edits it: an address and
 * the path to the list in the answer. An empty address removes the endpoint; other settings of
 * the endpoint (its pagination) are kept.
 */

type Settings = Record<string, unknown>;

export interface HttpJsonDepartmentsValues {
  url: string;
  recordsPath: string;
}

function departmentsOf(settings: Settings): Settings | undefined {
  const value = settings.departments;
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Settings) : undefined;
}

export function readHttpJsonDepartments(settings: Settings): HttpJsonDepartmentsValues {
  const departments = departmentsOf(settings);
  return {
    url: typeof departments?.url === "string" ? departments.url : "",
    recordsPath: typeof departments?.recordsPath === "string" ? departments.recordsPath : "",
  };
}

export function writeHttpJsonDepartments(settings: Settings, values: HttpJsonDepartmentsValues): Settings {
  const { departments: _previous, ...rest } = settings;
  const url = values.url.trim();
  if (url === "") return rest;
  return { ...rest, departments: { ...departmentsOf(settings), url, recordsPath: values.recordsPath.trim() } };
}
