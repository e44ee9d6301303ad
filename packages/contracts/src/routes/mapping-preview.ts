import { z } from "zod";
import {
  mappingPreviewRequestSchema,
  mappingPreviewResponseSchema,
  sourceFieldsQuerySchema,
  sourceFieldsResponseSchema,
} from "../source-systems.ts";
import { defineRoutes, route } from "./define-route.ts";

const checkRequestSchema = z.strictObject({ script: z.string().max(20_000) });
const checkResponseSchema = z.union([
  z.object({ ok: z.literal(true), warning: z.string().optional() }),
  z.object({ ok: z.literal(false), message: z.string(), line: z.number().optional() }),
]);

export const mappingPreviewRoutes = defineRoutes(["Source systems"], {
  preview: route.post("/source-systems/:id/mapping/preview", "Map chosen raw records (of the latest import, or read from the latest uploaded files before the first import) with an unsaved mapping and show the result next to the raw record", { body: mappingPreviewRequestSchema, response: mappingPreviewResponseSchema }),
  sourceFields: route.get("/source-systems/:id/source-fields", "Source field names a mapping can copy: the header of the latest upload (CSV), else the paths seen in the latest import's raw records (a bounded sample)", { query: sourceFieldsQuerySchema, response: sourceFieldsResponseSchema }),
  check: route.post("/source-systems/mapping/check-script", "Check that a complex mapping script compiles (syntax, line)", { body: checkRequestSchema, response: checkResponseSchema }),
});
