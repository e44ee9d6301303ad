import { z } from "zod";
import {
  createSourceSystemRequestSchema,
  sourceSystemSchema,
  updateSourceSystemRequestSchema,
  uploadRoleSchema,
} from "../source-systems.ts";
import { connectedSystemRoutes } from "./collection-routes.ts";
import { defineRoutes, route } from "./define-route.ts";

const uploadParamsSchema = z.strictObject({ id: z.uuid(), role: uploadRoleSchema });
const uploadResponseSchema = z.object({ id: z.uuid(), role: uploadRoleSchema, fileName: z.string(), sizeBytes: z.number(), createdAt: z.iso.datetime() });

export const sourceSystemRoutes = defineRoutes(["Source systems"], {
  ...connectedSystemRoutes("source", sourceSystemSchema, {
    create: ["Connect a source system", createSourceSystemRequestSchema],
    update: ["Change a source system; a mapping change re-decides the persons (snapshot, no fetch)", updateSourceSystemRequestSchema],
    remove: "Remove a source system (its persons become former persons at the next snapshot)",
  }),
  upload: route.put("/source-systems/:id/uploads/:role", "Upload a file for a CSV source system: send the file itself as the body (text/csv or application/octet-stream)", { params: uploadParamsSchema, response: uploadResponseSchema }),
});
