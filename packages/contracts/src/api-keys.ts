import { z } from "zod";
import { apiKeyScopeSchema } from "./common.ts";

export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(apiKeyScopeSchema),
  /** The person the key answers for: removing them revokes it, demoting them narrows it. */
  createdBy: z.object({ id: z.uuid(), email: z.string(), displayName: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const createApiKeyRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(apiKeyScopeSchema).min(1).max(3),
  expiresAt: z.iso
    .datetime()
    .refine((value) => new Date(value).getTime() > Date.now(), "The expiry must be in the future.")
    .optional(),
});
/** The secret is in this answer only; it is stored hashed and never shown again. */
export const createdApiKeySchema = apiKeySchema.extend({ secret: z.string() });
