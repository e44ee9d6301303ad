import { defineSourceConnector, fetchContext, settingsWithSecrets } from "../source-connector.ts";
import { csvSecretFields, csvSettingsSchema } from "./csv-settings.ts";
import { fetchCsvSource } from "./fetch-csv-source.ts";

export const csvConnector = defineSourceConnector({
  type: "csv",
  label: "CSV / TSV file",
  description:
    "A CSV or TSV export, uploaded or downloaded from a URL: one file with persons and contracts, or a persons file " +
    "and a contracts file joined on a key, plus an optional departments file.",
  settingsSchema: csvSettingsSchema,
  secretFields: csvSecretFields,
  secretMaps: [{ path: "download.headers", namePrefix: "download.headers." }],
  secretNames: "declared",
  capabilities: { uploads: true, network: true, departments: true, script: false },
  fetch: (input) => fetchCsvSource(settingsWithSecrets(input) as never, { files: input.uploads, ...fetchContext(input) }),
});
