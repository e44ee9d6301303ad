import type { z } from "zod";
import { csvSecretFields, csvSettingsSchema } from "./csv/csv-settings.ts";
import { httpJsonSecretFields, httpJsonSettingsSchema } from "./http-json/http-json-settings.ts";
import { scriptSettingsSchema } from "./script/script-settings.ts";

export const connectorTypes = ["csv", "http-json", "script"] as const;
export type ConnectorType = (typeof connectorTypes)[number];

export interface ConnectorDescription {
  type: ConnectorType;
  label: string;
  description: string;
  /** Validates the settings and gives the portal their shape (z.toJSONSchema). */
  settingsSchema: z.ZodType;
  /** Dot paths into the settings that hold secrets: stored encrypted, never returned by the API. */
  secretFields: readonly string[];
  /**
   * Free-form objects in the settings (extra headers, a script's config) whose secret-looking
   * entries (apiKey, token, Authorization…) are moved into the secrets, named namePrefix + key.
   */
  secretMaps: readonly { path: string; namePrefix: string }[];
  /** "declared": the secret fields (and moved headers) only; "any": any name a script can use. */
  secretNames: "declared" | "any";
}

const catalogue: Record<ConnectorType, ConnectorDescription> = {
  csv: {
    type: "csv",
    label: "CSV / TSV file",
    description:
      "A CSV or TSV export, uploaded or downloaded from a URL: one file with persons and contracts, or a persons file " +
      "and a contracts file joined on a key, plus an optional departments file.",
    settingsSchema: csvSettingsSchema,
    secretFields: csvSecretFields,
    secretMaps: [{ path: "download.headers", namePrefix: "download.headers." }],
    secretNames: "declared",
  },
  "http-json": {
    type: "http-json",
    label: "HTTP JSON (REST API)",
    description:
      "A REST endpoint that answers JSON, with basic, bearer or API-key authentication, pagination and a path to the " +
      "records; contracts nested in each person or from a second endpoint, departments from a third.",
    settingsSchema: httpJsonSettingsSchema,
    secretFields: httpJsonSecretFields,
    secretMaps: [{ path: "headers", namePrefix: "headers." }],
    secretNames: "declared",
  },
  // Runs in packages/sandbox. Its secrets have the names the script uses, not paths into the
  // settings: the worker hands them to the script beside its config.
  script: {
    type: "script",
    label: "Script (JavaScript in a sandbox)",
    description:
      "JavaScript run in an isolated sandbox with memory and time limits and a controlled HTTP bridge; it returns " +
      "{ persons, departments }. For any HR or student system without a built-in connector.",
    settingsSchema: scriptSettingsSchema,
    secretFields: [],
    secretMaps: [{ path: "config", namePrefix: "" }],
    secretNames: "any",
  },
};

/** Every connector, in the order the portal offers them. */
export const connectorCatalogue: readonly ConnectorDescription[] = connectorTypes.map((type) => catalogue[type]);

export function isConnectorType(value: string): value is ConnectorType {
  return (connectorTypes as readonly string[]).includes(value);
}

export function describeConnector(type: ConnectorType): ConnectorDescription {
  return catalogue[type];
}

export function listConnectors(): ConnectorDescription[] {
  return [...connectorCatalogue];
}
