import { connectorTypeSchema, type ConnectorType } from "@idlife/contracts";

/*
 * What the portal tells people about each connector. The type picker takes the list, labels and
 * descriptions from the API (GET /connector-types, useConnectorTypesQuery); the short labels and
 * form helpers below are for tables and the settings forms, and mirror
 * packages/connectors/src/csv/csv-settings.ts and the secret paths the registry declares (also
 * served by that endpoint). The API validates every save, so a drift shows up as a clear
 * "settings are invalid at ..." message, never as bad data.
 */

export const connectorTypes: readonly ConnectorType[] = connectorTypeSchema.options;

export const connectorLabels: Record<ConnectorType, string> = {
  csv: "CSV file",
  "http-json": "HTTP JSON",
  script: "Script",
};


export const csvDelimiterOptions = [
  { value: "auto", label: "Detect automatically" },
  { value: ";", label: "Semicolon ( ; )" },
  { value: ",", label: "Comma ( , )" },
  { value: "\t", label: "Tab" },
  { value: "|", label: "Pipe ( | )" },
] as const;

export const csvEncodingOptions = [
  { value: "utf-8", label: "UTF-8" },
  { value: "windows-1252", label: "Windows-1252 (Western European)" },
  { value: "iso-8859-1", label: "ISO-8859-1 (Latin-1)" },
  { value: "utf-16le", label: "UTF-16 LE" },
] as const;

/** Secret names the connectors read (dot paths into the settings); a script may use any name. */
export const secretSuggestions: Record<ConnectorType, readonly string[]> = {
  csv: ["download.auth.password", "download.auth.token", "download.auth.value"],
  "http-json": ["auth.password", "auth.token", "auth.value"],
  // A script names its own secrets; it reads them as secrets.NAME (a placeholder the HTTP bridge fills in).
  script: [],
};

/** A script's secret names: what the API accepts (packages/connectors SECRET_NAME_PATTERN). */
export const scriptSecretNamePattern = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export const secretHints: Record<ConnectorType, string> = {
  csv: "Only needed when the worker downloads the files from a URL that asks for credentials.",
  "http-json": "The password, token or API key value for the endpoint's authentication.",
  script: "Values such as an API key. The script writes secrets.NAME where the value belongs (a header, the address, the body); it only ever sees a placeholder, which is filled in when the request goes to a host listed by name in allowedHosts.",
};

/** What a new source system of each type starts with. */
export function defaultSettings(connectorType: ConnectorType): Record<string, unknown> {
  switch (connectorType) {
    case "csv":
      return { layout: "single", persons: { delimiter: "auto", encoding: "utf-8", personKey: "", contractColumns: [] } };
    case "http-json":
      return { url: "https://", recordsPath: "", pagination: { type: "none" }, auth: { type: "none" } };
    case "script":
      return {
        script:
          "// config holds settings.config; secrets.NAME stands for a secret in http requests to allowedHosts.\nasync function main({ config, secrets, http, log, progress }) {\n  return { persons: [], departments: [] };\n}",
        config: {},
        allowedHosts: [],
      };
  }
}
