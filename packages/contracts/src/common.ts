import { z } from "zod";

/** The one error shape every 4xx/5xx answer has. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const idParamsSchema = z.strictObject({ id: z.uuid() });

export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const memberRoleSchema = z.enum(["owner", "admin", "operator", "auditor"]);
export type MemberRole = z.infer<typeof memberRoleSchema>;

export const apiKeyScopeSchema = z.enum(["read", "write", "admin"]);
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;

export const emailSchema = z.email().max(254).transform((value) => value.trim().toLowerCase());
export const passwordSchema = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(200, "Use at most 200 characters.");
