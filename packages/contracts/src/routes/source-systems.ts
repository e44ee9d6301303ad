import { z } from "zod";
import {
  createSourceSystemRequestSchema,
  sourceSystemSchema,
  updateSourceSystemRequestSchema,
  uploadRoleSchema,
} from "../source-systems.ts";
import { idParamsSchema } from "../common.ts";
import { defineRoute, defineRoutes } from "./define-route.ts";

const uploadParamsSchema = z.strictObject({ id: z.uuid(), role: uploadRoleSchema });
const uploadResponseSchema = z.object({ id: z.uuid(), role: uploadRoleSchema, fileName: z.string(), sizeBytes: z.number(), createdAt: z.iso.datetime() });

export const sourceSystemRoutes = defineRoutes(["Source systems"], {
  list: defineRoute({
    method: "GET", path: "/source-systems",
    summary: "Source systems of this tenant",
    response: z.array(sourceSystemSchema),
  }),
  get: defineRoute({
    method: "GET", path: "/source-systems/:id",
    summary: "One source system (secrets are never returned)",
    params: idParamsSchema,
    response: sourceSystemSchema,
  }),
  create: defineRoute({
    method: "POST", path: "/source-systems",
    summary: "Connect a source system",
    body: createSourceSystemRequestSchema,
    response: sourceSystemSchema,
  }),
  update: defineRoute({
    method: "PATCH", path: "/source-systems/:id",
    summary: "Change a source system; a mapping change re-decides the persons (snapshot, no fetch)",
    params: idParamsSchema,
    body: updateSourceSystemRequestSchema,
    response: sourceSystemSchema,
  }),
  remove: defineRoute({
    method: "DELETE", path: "/source-systems/:id",
    summary: "Remove a source system (its persons become former persons at the next snapshot)",
    params: idParamsSchema,
  }),
  upload: defineRoute({
    method: "PUT", path: "/source-systems/:id/uploads/:role",
    summary: "Upload a file for a CSV source system: send the file itself as the body (text/csv or application/octet-stream)",
    params: uploadParamsSchema,
    response: uploadResponseSchema,
  }),
});
