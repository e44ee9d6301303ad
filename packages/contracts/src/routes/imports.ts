import { z } from "zod";
import { importSchema, startImportRequestSchema } from "../source-systems.ts";
import { defineRoutes, route } from "./define-route.ts";

const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  /** Only runs started so: by hand, by the schedule, or by pushed records (which can be many a day). */
  trigger: z.enum(["manual", "schedule", "push"]).optional(),
});
const rawQuerySchema = z.strictObject({
  importId: z.uuid().optional().describe("An earlier import of this source: its raw data as delivered then (default: the latest)"),
  search: z.string().trim().max(200).optional(),
  kind: z.enum(["person", "department"]).default("person"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  // Deep pages cost a scan of everything before them; search narrows instead.
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const rawPageSchema = z.object({
  importId: z.uuid().nullable(),
  total: z.number(),
  items: z.array(z.object({ sourceKey: z.string(), kind: z.string(), data: z.unknown() })),
  /** Source fields shown as "[hidden]": they become personal contact data, which this caller may not see. */
  hiddenFields: z.array(z.string()),
  /** Personal contact fields filled by a script whose source fields could not be told: those are not hidden. */
  personalFieldsNotFollowed: z.array(z.string()),
});
const blockedPersonSchema = z.object({ externalId: z.string(), reasons: z.array(z.string()) });

export const importRoutes = defineRoutes(["Imports"], {
  start: route.post("/source-systems/:id/imports", "Import now (runs on the worker; follow it at /imports/{id})", { body: startImportRequestSchema, response: importSchema }),
  list: route.get("/source-systems/:id/imports", "Recent imports of a source system, newest first", { query: listQuerySchema, response: z.array(importSchema) }),
  get: route.get("/imports/:id", "One import with its progress, counts and (when blocked) what it would have done", { response: importSchema }),
  approve: route.post("/imports/:id/approve", "Apply a blocked import once, despite its safety thresholds", { response: importSchema }),
  raw: route.get("/source-systems/:id/raw-records", "Raw data of the latest import (or of an earlier one), exactly as delivered; search by key or any value. Source fields that become personal contact data are hidden from callers who may not see it.", { query: rawQuerySchema, response: rawPageSchema }),
  blocked: route.get("/source-systems/:id/blocked-persons", "Persons this source delivers that mapping blocked, with the reason", { response: z.array(blockedPersonSchema) }),
});
