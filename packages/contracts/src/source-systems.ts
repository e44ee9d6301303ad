import { z } from "zod";

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

const fieldMappingSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("fixed"), value: z.unknown(), required: z.boolean().optional() }),
  z.strictObject({ type: z.literal("field"), path: z.string().min(1).max(500), required: z.boolean().optional() }),
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
  name: z.string().trim().min(1).max(100),
  connectorType: connectorTypeInputSchema,
  settings: z.record(z.string(), z.unknown()).default({}),
  /** Passwords, tokens: stored encrypted, never returned. */
  secrets: z.record(z.string(), z.string().max(10_000)).optional(),
  mapping: mappingDefinitionSchema.optional(),
  thresholds: thresholdSettingsSchema.optional(),
  schedule: importScheduleSchema.nullable().optional(),
  enabled: z.boolean().optional(),
});

export const updateSourceSystemRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  /** A secret that is left out keeps its value; null removes it. */
  secrets: z.record(z.string(), z.string().max(10_000).nullable()).optional(),
  mapping: mappingDefinitionSchema.optional(),
  thresholds: thresholdSettingsSchema.optional(),
  schedule: importScheduleSchema.nullable().optional(),
  enabled: z.boolean().optional(),
});

export const sourceSystemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  connectorType: connectorTypeSchema,
  settings: z.record(z.string(), z.unknown()),
  /** Which secrets are set (never their values). */
  secretsSet: z.array(z.string()),
  mapping: mappingDefinitionSchema,
  thresholds: thresholdSettingsSchema,
  schedule: importScheduleSchema.nullable(),
  enabled: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SourceSystem = z.infer<typeof sourceSystemSchema>;

export const importStatusSchema = z.enum(["queued", "running", "blocked", "failed", "completed", "superseded"]);
export const importSchema = z.object({
  id: z.uuid(),
  sourceSystemId: z.uuid(),
  status: importStatusSchema,
  trigger: z.string(),
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
