import { z } from "zod";
import { defineRoutes, route } from "./define-route.ts";

const listQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20) });
const snapshotSchema = z.object({
  id: z.uuid(),
  cause: z.enum(["import", "configuration", "merge", "manual"]),
  status: z.string(),
  mode: z.enum(["full", "incremental"]).nullable().describe("full: every person was decided; incremental: only persons whose source records changed"),
  importId: z.uuid().nullable(),
  counts: z.record(z.string(), z.unknown()).describe("persons, considered, added, changed, becameFormer, unchanged; while running: phase and progress"),
  error: z.string().nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

export const snapshotRoutes = defineRoutes(["Persons"], {
  list: route.get("/snapshots", "Recent snapshots, newest first, with their cause, mode and counts", { query: listQuerySchema, response: z.array(snapshotSchema) }),
  get: route.get("/snapshots/:id", "One snapshot: status, progress while it runs, counts when done", { response: snapshotSchema }),
  request: route.post("/snapshots", "Decide every person again now from the stored source data (no fetch); follow it at /snapshots/{id}", { response: snapshotSchema }),
});
