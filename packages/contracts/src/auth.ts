import { z } from "zod";
import { emailSchema, memberRoleSchema, passwordSchema } from "./common.ts";

export const signInRequestSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const tenantMembershipSchema = z.object({
  tenantId: z.uuid(),
  tenantName: z.string(),
  tenantSlug: z.string(),
  role: memberRoleSchema,
});
export type TenantMembership = z.infer<typeof tenantMembershipSchema>;

export const currentUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  isPlatformAdmin: z.boolean(),
  memberships: z.array(tenantMembershipSchema),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/**
 * No password: the owner sets it through the link mailed to the address, so that signing up
 * proves the address and the answer is the same whether or not it already has an account.
 */
export const signUpRequestSchema = z.strictObject({
  email: emailSchema,
  displayName: z.string().trim().min(1).max(200),
  tenantName: z.string().trim().min(2).max(200),
  tenantSlug: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/, "Use lower-case letters, digits and dashes.")
    .optional(),
});
export type SignUpRequest = z.infer<typeof signUpRequestSchema>;
export const signUpResponseSchema = z.object({ accepted: z.literal(true), message: z.string() });
export type SignUpResponse = z.infer<typeof signUpResponseSchema>;

export const passwordResetRequestSchema = z.strictObject({ email: emailSchema });
export const passwordResetConfirmSchema = z.strictObject({
  token: z.string().min(20).max(200),
  password: passwordSchema,
});
export const authConfigSchema = z.object({ selfServiceSignUp: z.boolean() });
