import { z } from "zod";
import { idParamsSchema } from "../common.ts";
import { importSchema, startImportRequestSchema } from "../source-systems.ts";
import { defineRoute, defineRoutes } from "./define-route.ts";

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
  start: defineRoute({
    method: "POST", path: "/source-systems/:id/imports",
    summary: "Import now (runs on the worker; follow it at /imports/{id})",
    params: idParamsSchema,
    body: startImportRequestSchema,
    response: importSchema,
  }),
  list: defineRoute({
    method: "GET", path: "/source-systems/:id/imports",
    summary: "Recent imports of a source system, newest first",
    params: idParamsSchema,
    query: listQuerySchema,
    response: z.array(importSchema),
  }),
  get: defineRoute({
    method: "GET", path: "/imports/:id",
    summary: "One import with its progress, counts and (when blocked) what it would have done",
    params: idParamsSchema,
    response: importSchema,
  }),
  approve: defineRoute({
    method: "POST", path: "/imports/:id/approve",
    summary: "Apply a blocked import once, despite its safety thresholds",
    params: idParamsSchema,
    response: importSchema,
  }),
  raw: defineRoute({
    method: "GET", path: "/source-systems/:id/raw-records",
    summary: "Raw data of the latest import (or of an earlier one), exactly as delivered; search by key or any value. Source fields that become personal contact data are hidden from callers who may not see it.",
    params: idParamsSchema,
    query: rawQuerySchema,
    response: rawPageSchema,
  }),
  blocked: defineRoute({
    method: "GET", path: "/source-systems/:id/blocked-persons",
    summary: "Persons this source delivers that mapping blocked, with the reason",
    params: idParamsSchema,
    response: z.array(blockedPersonSchema),
  }),
});
