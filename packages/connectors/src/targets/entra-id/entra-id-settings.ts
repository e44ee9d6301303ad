import { z } from "zod";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });

export const MICROSOFT_GRAPH_URL = "https://graph.microsoft.com/v1.0";

export const entraIdSettingsSchema = z
  .object({
    /** The directory (tenant) id or one of its domains, as shown on the app registration's overview. */
    tenantId: z
      .string()
      .trim()
      .min(1)
      .max(253)
      .regex(/^[A-Za-z0-9.-]+$/, "must be the tenant id (a GUID) or a domain such as contoso.onmicrosoft.com"),
    /** The app registration's application (client) id. */
    clientId: z.string().trim().regex(GUID, "must be the application (client) id, a GUID such as 00000000-0000-0000-0000-000000000000"),
    /** The client secret's value (not its id); stored encrypted, never returned. */
    clientSecret: z.string().min(1).max(1000).optional(),
    /** Microsoft Graph's v1.0 endpoint; other clouds (US Government, China) have their own. */
    graphUrl: httpUrl.default(MICROSOFT_GRAPH_URL),
    /** Default https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token. */
    tokenUrl: httpUrl.optional(),
    /** ISO 3166 country code set on new accounts (Graph refuses licences to a user without one). */
    usageLocation: z
      .string()
      .regex(/^[A-Z]{2}$/, "must be a two-letter country code such as NL or US")
      .optional(),
    /** "manage": the tenant's licences are permissions that can be granted; "ignore": groups only. */
    licences: z.enum(["manage", "ignore"]).default("manage"),
    /** New accounts must choose their own password at first sign-in. */
    forceChangePasswordNextSignIn: z.boolean().default(true),
    /** Accounts per page when reading all of them (Graph's ceiling is 999). */
    pageSize: z.number().int().min(1).max(999).default(100),
    /** How long one request may take before it counts as the target being unreachable. */
    requestTimeoutMs: z.number().int().min(1_000).max(120_000).default(30_000),
  })
  .strict();

export type EntraIdSettings = z.output<typeof entraIdSettingsSchema>;

export const isGuid = (value: string) => GUID.test(value);

export const defaultTokenUrl = (tenantId: string) => `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
