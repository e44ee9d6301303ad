import { z } from "zod";
import {
  personDetailSchema,
  personExportQuerySchema,
  personHistoryEntrySchema,
  personListQuerySchema,
  personPageSchema,
} from "../persons.ts";
import { defineRoutes, route } from "./define-route.ts";

const historyQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(200) });
const rawRecordSchema = z.object({ sourceSystemId: z.string(), sourceKey: z.string(), importId: z.string(), data: z.unknown() });

export const personRoutes = defineRoutes(["Persons"], {
  list: route.get("/persons", "Persons: search (name, email, id), filter and page", { query: personListQuerySchema, response: personPageSchema }),
  export: route.get("/persons/export.csv", "Persons as CSV, streamed (same filters as the list; separator=; for Excel in Dutch and other locales); personal contact data only for roles that may see it. A few exports per tenant at a time (429 export_busy beyond).", { query: personExportQuerySchema }),
  get: route.get("/persons/:id", "One person with contracts and derived values", { response: personDetailSchema }),
  history: route.get("/persons/:id/history", "Field-level history of a person, newest first", { query: historyQuerySchema, response: z.array(personHistoryEntrySchema) }),
  raw: route.get("/persons/:id/raw", "The raw records this person was mapped from (latest import of each source); source fields that become personal contact data show as [hidden] unless the caller may see them", { response: z.array(rawRecordSchema) }),
});
