import { z } from "zod";
import { csvSecretFields, csvSettingsSchema } from "./csv/csv-settings.ts";
import { httpJsonSecretFields, httpJsonSettingsSchema } from "./http-json/http-json-settings.ts";

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
  },
  "http-json": {
    type: "http-json",
    label: "HTTP JSON (REST API)",
    description:
      "A REST endpoint that answers JSON, with basic, bearer or API-key authentication, pagination and a path to the " +
      "records; contracts nested in each person or from a second endpoint, departments from a third.",
    settingsSchema: httpJsonSettingsSchema,
    secretFields: httpJsonSecretFields,
  },
  // Reserved: implemented in src/script, which replaces this placeholder schema (any object) and
  // the empty secret fields with its own.
  script: {
    type: "script",
    label: "Script (JavaScript in a sandbox)",
    description:
      "JavaScript run in an isolated sandbox with memory and time limits and a controlled HTTP bridge; it returns " +
      "{ persons, departments }. For any HR or student system without a built-in connector.",
    settingsSchema: z.record(z.string(), z.unknown()),
    secretFields: [],
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
