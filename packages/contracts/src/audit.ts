import { z } from "zod";

export const auditActorTypeSchema = z.enum(["user", "api_key", "system"]);

export const auditEntrySchema = z.object({
  id: z.uuid(),
  sequence: z.string(),
  actorType: auditActorTypeSchema,
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** The target's current name; its name when the entry was written once it is gone; null when it has none (show targetId). */
  targetLabel: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ipAddress: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

// Actions and target types are `domain.verb` and snake_case words: anything else matches nothing.
const actionSchema = z
  .string()
  .trim()
  .max(100)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, { error: "Use an action such as source_system.update (lower case, words joined by dots)." });
const targetTypeSchema = z
  .string()
  .trim()
  .max(50)
  .regex(/^[a-z][a-z0-9_]*$/, { error: "Use a target type such as source_system or person (lower case letters and underscores)." });

const filterShape = {
  action: actionSchema.optional(),
  actorType: auditActorTypeSchema.optional(),
  actorId: z.uuid({ error: "actorId is the id of a member or an API key (a uuid)." }).optional(),
  targetType: targetTypeSchema.optional(),
  targetId: z.string().trim().min(1).max(200).optional(),
  from: z.iso.datetime({ offset: true, error: "from is a time such as 2026-12-01T00:00:00Z." }).optional(),
  to: z.iso.datetime({ offset: true, error: "to is a time such as 2026-12-31T23:59:59Z." }).optional(),
};

const fromNotAfterTo = (filter: { from?: string; to?: string }) => !filter.from || !filter.to || new Date(filter.from) <= new Date(filter.to);
const fromNotAfterToError = { error: "from must not be later than to.", path: ["from"] };

/** The audit log's filters (shared by the list and the CSV export); each one narrows the entries. */
export const auditFilterSchema = z.strictObject(filterShape).refine(fromNotAfterTo, fromNotAfterToError);
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditQuerySchema = z
  .strictObject({
    ...filterShape,
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: z.coerce.bigint().min(1n).max(9_223_372_036_854_775_807n).optional(),
  })
  .refine(fromNotAfterTo, fromNotAfterToError);

/** The CSV export takes the list's filters, no paging, and the separator (Excel in many locales wants ";"). */
export const auditExportQuerySchema = z
  .strictObject({
    ...filterShape,
    separator: z.enum([",", ";"], { error: "Use separator=, or separator=; (a semicolon for Excel in Dutch and other locales)." }).default(","),
  })
  .refine(fromNotAfterTo, fromNotAfterToError);

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  nextBefore: z.string().nullable(),
});
