import { z } from "zod";
import { idParamsSchema } from "../common.ts";
import {
  mappingPreviewRequestSchema,
  mappingPreviewResponseSchema,
  sourceFieldsQuerySchema,
  sourceFieldsResponseSchema,
} from "../source-systems.ts";
import { defineRoute, defineRoutes } from "./define-route.ts";

const checkRequestSchema = z.strictObject({ script: z.string().max(20_000) });
const checkResponseSchema = z.union([
  z.object({ ok: z.literal(true), warning: z.string().optional() }),
  z.object({ ok: z.literal(false), message: z.string(), line: z.number().optional() }),
]);

export const mappingPreviewRoutes = defineRoutes(["Source systems"], {
  preview: defineRoute({
    method: "POST", path: "/source-systems/:id/mapping/preview",
    summary: "Map chosen raw records (of the latest import, or read from the latest uploaded files before the first import) with an unsaved mapping and show the result next to the raw record",
    params: idParamsSchema,
    body: mappingPreviewRequestSchema,
    response: mappingPreviewResponseSchema,
  }),
  sourceFields: defineRoute({
    method: "GET", path: "/source-systems/:id/source-fields",
    summary: "Source field names a mapping can copy: the header of the latest upload (CSV), else the paths seen in the latest import's raw records (a bounded sample)",
    params: idParamsSchema,
    query: sourceFieldsQuerySchema,
    response: sourceFieldsResponseSchema,
  }),
  check: defineRoute({
    method: "POST", path: "/source-systems/mapping/check-script",
    summary: "Check that a complex mapping script compiles (syntax, line)",
    body: checkRequestSchema,
    response: checkResponseSchema,
  }),
});
