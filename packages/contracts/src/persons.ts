import { z } from "zod";

export const personStatusSchema = z.enum(["active", "future", "former"]);

export const personListQuerySchema = z.strictObject({
  search: z.string().trim().max(200).optional(),
  status: personStatusSchema.optional(),
  excluded: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
  sourceSystemId: z.uuid().optional(),
  departmentId: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  /** The previous page's nextCursor: the page after it, stable while persons are added (instead of offset). */
  cursor: z.string().max(1_000).optional(),
});

/** The CSV export takes the list's filters, no paging, and the separator (Excel in many locales wants ";"). */
export const personExportQuerySchema = personListQuerySchema.omit({ limit: true, offset: true, cursor: true }).extend({
  separator: z.enum([",", ";"], { error: "Use separator=, or separator=; (a semicolon for Excel in Dutch and other locales)." }).default(","),
});

export const personSummarySchema = z.object({
  id: z.uuid(),
  externalId: z.string(),
  displayName: z.string(),
  status: personStatusSchema,
  excluded: z.boolean(),
  primaryContractId: z.string().nullable(),
  departmentId: z.string().nullable(),
  /** The department's name from the departments a source delivers; null when it delivers none for this id. */
  departmentName: z.string().nullable(),
  sourceSystemIds: z.array(z.string()),
  pendingMerge: z.boolean(),
});
export const personPageSchema = z.object({
  items: z.array(personSummarySchema),
  total: z.number(),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const personDetailSchema = personSummarySchema.extend({
  data: z.record(z.string(), z.unknown()),
  managerPersonId: z.string().nullable(),
  /** The managers named on the person's contracts (Contracts[].Manager.ExternalId) who are known persons. */
  contractManagers: z.array(z.object({ externalId: z.string(), personId: z.uuid(), displayName: z.string() })),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** The day the person became former: their last contract's end date, else the day they were no longer delivered. */
  formerSince: z.iso.date().nullable(),
  /** When the import ran that no longer delivered the person; null while a source delivers them. */
  noLongerDeliveredSince: z.iso.datetime().nullable(),
});

export const personHistoryEntrySchema = z.object({
  id: z.string(),
  field: z.string(),
  kind: z.string(),
  oldValue: z.unknown().nullable(),
  newValue: z.unknown().nullable(),
  cause: z.enum(["import", "configuration", "merge", "manual"]),
  importId: z.string().nullable(),
  at: z.iso.datetime(),
});
