import { z } from "zod";

export const auditEntrySchema = z.object({
  id: z.uuid(),
  sequence: z.string(),
  actorType: z.enum(["user", "api_key", "system"]),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ipAddress: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.bigint().min(1n).max(9_223_372_036_854_775_807n).optional(),
  action: z.string().max(100).optional(),
});
export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  nextBefore: z.string().nullable(),
});
