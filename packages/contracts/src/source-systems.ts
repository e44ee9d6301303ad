import { z } from "zod";
import { connectionChangeShape, connectionRequestShape, connectionShape } from "./connected-systems.ts";

/** The connector registry's types (packages/connectors; a test keeps the two lists equal). */
export const connectorTypeSchema = z.enum(["csv", "http-json", "script"]);
export type ConnectorType = z.infer<typeof connectorTypeSchema>;
/** On input, the spelling of earlier versions (http_json) is accepted too; answers use the one spelling. */
export const connectorTypeInputSchema = z.preprocess((value) => (value === "http_json" ? "http-json" : value), connectorTypeSchema);

const hour = z.number().int().min(0).max(24);

/** When imports run by themselves. The allowed-hours window may wrap midnight (23 → 7). */
export const importScheduleSchema = z.strictObject({
  cron: z.string().min(9).max(100),
  timeZone: z.string().min(1).max(100).default("Europe/Amsterdam"),
  jitterSeconds: z.number().int().min(0).max(3600).default(0),
  allowedHours: z.strictObject({ from: hour, to: hour }).optional(),
});
export type ImportSchedule = z.infer<typeof importScheduleSchema>;

const limitSchema = z.strictObject({
  count: z.number().int().min(0).optional(),
  percent: z.number().min(0).max(100).optional(),
});
export const thresholdSettingsSchema = z.strictObject({
  added: limitSchema.optional(),
  removed: limitSchema.optional(),
  blocked: limitSchema.optional(),
});

/** Built-in value transforms (date formats, lookups, templates); their options are checked by core's mapping schema. */
const transformsSchema = z.array(z.looseObject({ type: z.string().max(50) })).max(10).optional();
const fieldMappingSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("fixed"), value: z.unknown(), required: z.boolean().optional(), transforms: transformsSchema }),
  z.strictObject({ type: z.literal("field"), path: z.string().min(1).max(500), required: z.boolean().optional(), transforms: transformsSchema }),
  z.strictObject({ type: z.literal("complex"), script: z.string().min(1).max(20_000), required: z.boolean().optional() }),
]);
export const mappingDefinitionSchema = z.strictObject({
  person: z.record(z.string(), fieldMappingSchema),
  contract: z.record(z.string(), fieldMappingSchema),
  /** Field copies for departments: ExternalId, DisplayName, ManagerExternalId, ParentExternalId. */
  department: z.partialRecord(z.enum(["ExternalId", "DisplayName", "ManagerExternalId", "ParentExternalId"]), fieldMappingSchema).optional(),
});
export type MappingDefinition = z.infer<typeof mappingDefinitionSchema>;

export const createSourceSystemRequestSchema = z.strictObject({
  ...connectionRequestShape(connectorTypeInputSchema),
  mapping: mappingDefinitionSchema.optional(),
  thresholds: thresholdSettingsSchema.optional(),
  schedule: importScheduleSchema.nullable().optional(),
  enabled: z.boolean().optional(),
});

export const updateSourceSystemRequestSchema = z.strictObject({
  ...connectionChangeShape,
  mapping: mappingDefinitionSchema.optional(),
  thresholds: thresholdSettingsSchema.optional(),
  schedule: importScheduleSchema.nullable().optional(),
  enabled: z.boolean().optional(),
});

export const sourceSystemSchema = z.object({
  ...connectionShape(connectorTypeSchema),
  mapping: mappingDefinitionSchema,
  thresholds: thresholdSettingsSchema,
  schedule: importScheduleSchema.nullable(),
  enabled: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SourceSystem = z.infer<typeof sourceSystemSchema>;

export const importStatusSchema = z.enum(["queued", "running", "blocked", "failed", "completed", "superseded"]);
/**
 * The status as an administrator reads it: "completed_with_blocked" is a completed import whose
 * mapping blocked some persons (they keep their last known state until the mapping is fixed).
 */
export const importStateSchema = z.enum(["queued", "running", "blocked", "failed", "completed", "completed_with_blocked", "superseded"]);
export type ImportState = z.infer<typeof importStateSchema>;
/**
 * What an import did to the persons of its source (a blocked import: what it would do). Every
 * delivered person is added, changed, unchanged or blocked; removed ones are no longer delivered.
 */
const personCount = z.number().int();
export const importPersonCountsSchema = z.object({ delivered: personCount, added: personCount, changed: personCount, unchanged: personCount, removed: personCount, blocked: personCount });
export type ImportPersonCounts = z.infer<typeof importPersonCountsSchema>;
export const importSchema = z.object({
  id: z.uuid(),
  sourceSystemId: z.uuid(),
  status: importStatusSchema,
  state: importStateSchema,
  /** Null until the import has compared its delivery with the source's persons. */
  persons: importPersonCountsSchema.nullable(),
  trigger: z.string(),
  /** Every count the worker recorded (fetched, mapped, remapped, departments, personsAdded ...). */
  counts: z.record(z.string(), z.number()),
  progress: z.record(z.string(), z.unknown()),
  error: z.string().nullable(),
  warnings: z.array(z.string()),
  thresholdReport: z.unknown().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  approvedAt: z.iso.datetime().nullable(),
});
export type Import = z.infer<typeof importSchema>;

export const uploadRoleSchema = z.enum(["persons", "contracts", "departments"]);
export const startImportRequestSchema = z.strictObject({
  /** Uploads to use (CSV sources); default: the newest upload of each role. */
  uploadIds: z.array(z.uuid()).max(3).optional(),
});

/** Which file (or part of the raw data) the mapping editor asks source field names for. */
export const sourceFieldsQuerySchema = z.strictObject({ role: uploadRoleSchema.default("persons") });
export const sourceFieldsResponseSchema = z.object({
  role: uploadRoleSchema,
  /** Where the names come from: the header of the latest upload, the latest import's raw records, or nowhere yet. */
  origin: z.enum(["upload", "raw-data", "none"]),
  fileName: z.string().nullable(),
  importId: z.uuid().nullable(),
  /** Column names, or paths as the mapping writes them (Address.Street, Emails[0].Address); contracts relative to the contract. */
  fields: z.array(z.string()),
  /** More fields were seen than returned (the list is bounded). */
  truncated: z.boolean(),
  /** Why the upload could not be read (wrong encoding or delimiter, ...), in words to act on. */
  problem: z.string().nullable(),
});
export type SourceFields = z.infer<typeof sourceFieldsResponseSchema>;

export const mappingPreviewRequestSchema = z.strictObject({
  /** The mapping to try, saved or not. */
  mapping: mappingDefinitionSchema,
  /** "import": raw records of the latest import; "upload": the latest uploaded CSV files, read now and not stored (before the first import). */
  from: z.enum(["import", "upload"]).default("import"),
  /** Records to map (their source keys; person keys of the upload); default: the first `limit`. */
  sourceKeys: z.array(z.string().min(1).max(200)).max(20).optional(),
  limit: z.number().int().min(1).max(20).default(5),
});
export const mappingPreviewResponseSchema = z.object({
  importId: z.uuid().nullable(),
  /** Where the records came from; older APIs did not say (then: the latest import). */
  origin: z.enum(["import", "upload"]).default("import"),
  /** The uploaded files read (from: "upload"). */
  files: z.array(z.string()).default([]),
  /** Date columns that read both day-first and month-first in the previewed records. */
  warnings: z.array(z.string()).default([]),
  items: z.array(
    z.object({
      sourceKey: z.string(),
      raw: z.unknown(),
      result: z.union([
        z.object({ status: z.literal("mapped"), person: z.record(z.string(), z.unknown()) }),
        z.object({ status: z.literal("blocked"), reasons: z.array(z.string()) }),
      ]),
    }),
  ),
});
export type MappingPreviewResult = z.output<typeof mappingPreviewResponseSchema>;

/*
 * importSchema types `progress` as a record of unknowns and `thresholdReport` as unknown; their
 * shapes are decided in apps/worker/src/imports/run-import.ts. These read them leniently (every
 * part optional) so an older or newer worker never breaks a caller (the portal's import view).
 */
export const importProgressSchema = z.object({
  phase: z.string().optional(),
  detail: z.string().optional(),
  records: z.number().optional(),
  done: z.number().optional(),
  total: z.number().optional(),
});

const importSampleSchema = z.object({ count: z.number(), sample: z.array(z.string()).default([]) });

export const thresholdReportSchema = z.object({
  approved: z.boolean().optional(),
  reasons: z
    .array(
      z.object({
        kind: z.string(),
        limitType: z.string().optional(),
        actual: z.number().optional(),
        actualPercent: z.number().nullable().optional(),
        limit: z.number().optional(),
        message: z.string(),
      }),
    )
    .default([]),
  wouldAdd: importSampleSchema.optional(),
  wouldRemove: importSampleSchema.optional(),
  wouldChange: importSampleSchema.optional(),
  blocked: z
    .object({
      count: z.number(),
      sample: z.array(z.object({ sourceKey: z.string(), reasons: z.array(z.string()).default([]) })).default([]),
    })
    .optional(),
});
