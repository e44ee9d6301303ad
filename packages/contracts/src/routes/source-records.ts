import { importSchema } from "../source-systems.ts";
import { pushRecordsRequestSchema } from "../source-records.ts";
import { defineRoutes, route } from "./define-route.ts";

export const sourceRecordRoutes = defineRoutes(["Imports"], {
  push: route.post(
    "/source-systems/:id/records",
    "Push persons to a source system (an HR system's webhook, an integration): up to 1,000 raw persons, each as an import stores it (its fields with its contracts in Contracts, at most 64 KB), " +
      "and the keys of persons the source no longer delivers (removed). They go through the import pipeline for those persons only: stored as raw data, mapped, thresholds checked, " +
      "and only they are decided again; the source's other persons stay as they are. Each record is keyed like the source's imports (the field the mapping copies ExternalId from, " +
      "else the connector's person key, else ExternalId). The source system must allow it: settings.push.enabled true, else 409 push_disabled. " +
      "Answers 202 with the run, an import with trigger \"push\"; follow it at /imports/{id}.",
    { body: pushRecordsRequestSchema, response: importSchema },
  ),
});
