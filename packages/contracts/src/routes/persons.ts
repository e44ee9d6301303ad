import { z } from "zod";
import {
  personDetailSchema,
  personExportQuerySchema,
  personHistoryEntrySchema,
  personListQuerySchema,
  personPageSchema,
} from "../persons.ts";
import { idParamsSchema } from "../common.ts";
import { defineRoute, defineRoutes } from "./define-route.ts";

const historyQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(200) });
const rawRecordSchema = z.object({ sourceSystemId: z.string(), sourceKey: z.string(), importId: z.string(), data: z.unknown() });

export const personRoutes = defineRoutes(["Persons"], {
  list: defineRoute({
    method: "GET", path: "/persons",
    summary: "Persons: search (name, email, id), filter and page",
    query: personListQuerySchema,
    response: personPageSchema,
  }),
  export: defineRoute({
    method: "GET", path: "/persons/export.csv",
    summary: "Persons as CSV, streamed (same filters as the list; separator=; for Excel in Dutch and other locales); personal contact data only for roles that may see it. A few exports per tenant at a time (429 export_busy beyond).",
    query: personExportQuerySchema,
  }),
  get: defineRoute({
    method: "GET", path: "/persons/:id",
    summary: "One person with contracts and derived values",
    params: idParamsSchema,
    response: personDetailSchema,
  }),
  history: defineRoute({
    method: "GET", path: "/persons/:id/history",
    summary: "Field-level history of a person, newest first",
    params: idParamsSchema,
    query: historyQuerySchema,
    response: z.array(personHistoryEntrySchema),
  }),
  raw: defineRoute({
    method: "GET", path: "/persons/:id/raw",
    summary: "The raw records this person was mapped from (latest import of each source); source fields that become personal contact data show as [hidden] unless the caller may see them",
    params: idParamsSchema,
    response: z.array(rawRecordSchema),
  }),
});
