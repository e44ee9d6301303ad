import { defineSourceConnector, fetchContext, settingsWithSecrets } from "../source-connector.ts";
import { fetchHttpJsonSource } from "./fetch-http-json-source.ts";
import { httpJsonSecretFields, httpJsonSettingsSchema } from "./http-json-settings.ts";

export const httpJsonConnector = defineSourceConnector({
  type: "http-json",
  label: "HTTP JSON (REST API)",
  description:
    "A REST endpoint that answers JSON, with basic, bearer or API-key authentication, pagination and a path to the " +
    "records; contracts nested in each person or from a second endpoint, departments from a third.",
  settingsSchema: httpJsonSettingsSchema,
  secretFields: httpJsonSecretFields,
  secretMaps: [{ path: "headers", namePrefix: "headers." }],
  secretNames: "declared",
  capabilities: { uploads: false, network: true, departments: true, script: false },
  fetch: (input) => fetchHttpJsonSource(settingsWithSecrets(input) as never, fetchContext(input)),
});
