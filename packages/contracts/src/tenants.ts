import { z } from "zod";
import { emailSchema, memberRoleSchema, passwordSchema } from "./common.ts";

export const tenantSlugSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/, "Use lower-case letters, digits and dashes.");

const timeZones = new Set(Intl.supportedValuesOf("timeZone"));

export const tenantSettingsSchema = z.strictObject({
  timeZone: z
    .string()
    .refine((value) => timeZones.has(value) || value === "UTC", "Use an IANA time zone such as Europe/Amsterdam.")
    .default("Europe/Amsterdam"),
  locale: z.enum(["nl-NL", "en-GB", "en-US"]).default("nl-NL"),
  /** Ordered criteria that pick a person's primary contract (default: Fte desc, ... StartDate asc). */
  primaryContractCriteria: z
    .array(z.strictObject({ field: z.enum(["Fte", "HoursPerWeek", "Percentage", "Sequence", "EndDate", "StartDate"]), direction: z.enum(["asc", "desc"]) }))
    .min(1)
    .max(6)
    .refine((criteria) => new Set(criteria.map((criterion) => criterion.field)).size === criteria.length, "Use each field once.")
    .optional(),
  /** Where a person's manager comes from: the primary contract's manager, or its department tree. */
  managerOptions: z.strictObject({ source: z.enum(["contract", "department"]), walkUpWhenMissingOrSelf: z.boolean() }).optional(),
  /**
   * How display names are formed for persons whose source gives no Name.Convention (HelloID's
   * B, P, BP, PB); a display name the mapping fills itself is kept. Unset: birth name (B).
   */
  nameConvention: z.enum(["B", "P", "BP", "PB"]).optional(),
  /** Aggregation: suggest a merge from this similarity, merge automatically from that one (percent). */
  aggregation: z
    .strictObject({ suggestAt: z.number().min(1).max(100), automaticAt: z.number().min(1).max(100) })
    .refine((value) => value.suggestAt <= value.automaticAt, "suggestAt must not exceed automaticAt.")
    .optional(),
  /**
   * How long superseded raw record versions and person history are kept (days). The current
   * version of every record and the latest history entry of every person stay however old;
   * history null: kept forever.
   */
  retention: z
    .strictObject({
      rawVersionDays: z.number().int().min(30).max(3650).default(365),
      historyDays: z.number().int().min(90).max(3650).nullable().default(null),
    })
    .prefault({}),
});
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

export const tenantSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  status: z.enum(["active", "suspended"]),
  settings: tenantSettingsSchema,
  createdAt: z.iso.datetime(),
});
export type Tenant = z.infer<typeof tenantSchema>;

export const updateTenantRequestSchema = z.strictObject({
  name: z.string().trim().min(2).max(200).optional(),
  settings: tenantSettingsSchema.partial().optional(),
});

export const createTenantRequestSchema = z.strictObject({
  name: z.string().trim().min(2).max(200),
  slug: tenantSlugSchema,
  owner: z.strictObject({
    email: emailSchema,
    displayName: z.string().trim().min(1).max(200),
    password: passwordSchema.optional(),
  }),
});

/** A tenant just created; the owner's one-time link to set a password while no mail is sent (see sentInvitationSchema). */
export const createdTenantSchema = tenantSchema.extend({ ownerInvitationLink: z.url().optional() });

export const memberSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: memberRoleSchema,
  createdAt: z.iso.datetime(),
});
export type Member = z.infer<typeof memberSchema>;

/**
 * No password: a person new to the platform sets their own through the invitation (reset)
 * link, so nobody can pre-set a password for someone else's email address. The display name
 * is used only when the address has no account yet.
 */
export const addMemberRequestSchema = z.strictObject({
  email: emailSchema,
  displayName: z.string().trim().min(1).max(200),
  role: memberRoleSchema,
});
export const updateMemberRequestSchema = z.strictObject({ role: memberRoleSchema });
