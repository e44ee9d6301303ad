import { z } from "zod";

/** Every limit an administrator sets has a ceiling: a typo must not make one request wait for hours. */
const MAX_PAGE_SIZE = 1_000;
const MAX_TIMEOUT_MS = 120_000;

const scimAuthSchema = z.discriminatedUnion("type", [
  /** The usual way SaaS applications hand out SCIM access: a long-lived bearer token. */
  z.object({ type: z.literal("bearer"), token: z.string().min(1, "the bearer token is empty").max(10_000) }),
  z.object({ type: z.literal("basic"), username: z.string().min(1).max(500), password: z.string().max(10_000) }),
]);

export const scimSettingsSchema = z.object({
  /** The SCIM base URL, the part before /Users and /Groups, e.g. https://app.example.com/scim/v2. */
  baseUrl: z
    .url({ protocol: /^https?$/, error: "baseUrl must be an http:// or https:// URL (the SCIM base, before /Users)" })
    // Credentials in the URL would show up in every message that names it; paths are appended, so no query.
    .refine((url) => new URL(url).username === "" && new URL(url).password === "", { error: "baseUrl must not hold a user name or password: put them in auth" })
    .refine((url) => new URL(url).search === "" && new URL(url).hash === "", { error: "baseUrl must not have a query (?...) or fragment (#...): /Users and /Groups are added to its path" }),
  auth: scimAuthSchema,
  /** Resources asked for per list request (SCIM `count`); services may answer with fewer. */
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
  /** How long one request may take, answer included. */
  timeoutMs: z.number().int().min(1_000).max(MAX_TIMEOUT_MS).default(30_000),
  /**
   * How an account's groups are read: "group-filter" asks /Groups for those with the account among
   * their members (works on most services); "user-groups" reads the user's read-only `groups`
   * attribute (for services that do not filter on members).
   */
  membershipLookup: z.enum(["group-filter", "user-groups"]).default("group-filter"),
});

export type ScimSettings = z.output<typeof scimSettingsSchema>;

export const scimSecretFields = ["auth.token", "auth.password"] as const;
