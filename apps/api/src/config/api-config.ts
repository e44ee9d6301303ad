import { existsSync } from "node:fs";
import { isIP } from "node:net";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { resolveDatabasePoolSize, resolveDatabaseUrls, resolveSecretsKey } from "@idlife/db";
import { resolveQueueConfig } from "@idlife/jobs";

const flag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address = "", bits, ...rest] = entry.split("/");
  if (rest.length > 0 || isIP(address) === 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128));
}

/**
 * Which proxies may tell the client's address in X-Forwarded-For (Express's "trust proxy").
 * Unset: none, so request.ip is the socket's address and a client cannot choose its own.
 * A number of hops ("1"), or a comma-separated list of loopback/linklocal/uniquelocal, addresses
 * and CIDRs ("10.0.0.0/8, 127.0.0.1").
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, context): number | string[] | false => {
    if (value === "" || value === "false" || value === "none") return false;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(",").map((entry) => entry.trim()).filter(Boolean);
    const wrong = entries.filter((entry) => !isProxyAddress(entry));
    if (wrong.length > 0 || entries.length === 0) {
      context.addIssue({ code: "custom", message: `use a number of hops, or loopback, linklocal, uniquelocal, IP addresses and CIDRs separated by commas (not ${wrong.join(", ") || "nothing"})` });
      return z.NEVER;
    }
    return entries;
  });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  SELF_SERVICE_SIGNUP: flag.optional(),
  // Until the platform sends mail: answer an invitation with the invitee's link (default outside production).
  INVITATION_LINKS_IN_ANSWER: flag.optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SESSION_MAX_HOURS: z.coerce.number().positive().default(72),
  COOKIE_SECURE: flag.optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_000_000),
  // Target systems read from the API (test connection, permissions, inventory, previews) reach private networks only when allowed, as in the worker.
  CONNECTOR_PRIVATE_NETWORKS: z.enum(["allow", "deny"]).default("deny"),
  SIGN_IN_ATTEMPTS_PER_MINUTE_PER_IP: z.coerce.number().int().positive().default(30),
  // Failures from one address for one account before that pair waits 1, 2, 4 ... minutes.
  LOCKOUT_AFTER_FAILURES: z.coerce.number().int().positive().default(5),
  // The longest wait of a pair, and how long an account stays locked.
  LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  // Consecutive failures from any address before the account itself locks: high, because
  // anyone can cause them, and a lock shuts the real person out.
  ACCOUNT_LOCKOUT_AFTER_FAILURES: z.coerce.number().int().positive().default(100),
  API_KEY_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(600),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().positive().default(60),
  WEB_DIST_DIR: z.string().optional(),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().positive().default(100 * 1024 * 1024),
  // Stored uploads of one tenant, all source systems together (old ones are removed by the worker).
  UPLOAD_QUOTA_BYTES_PER_TENANT: z.coerce.number().int().min(1024 * 1024).max(50 * 1024 ** 3).default(500 * 1024 * 1024),
  // CSV exports: persons per query, and how many exports of one tenant may run at once.
  PERSONS_EXPORT_BATCH_SIZE: z.coerce.number().int().min(100).max(10_000).default(2_000),
  PERSONS_EXPORTS_PER_TENANT: z.coerce.number().int().min(1).max(20).default(2),
  TRUST_PROXY: trustProxy.default(false),
});

export type ApiConfig = ReturnType<typeof loadApiConfig>;

const defaultWebDist = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/** Reads the environment once, with defaults that run on a developer's machine. */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid configuration in the environment: ${problems}`);
  }
  const values = parsed.data;
  const production = values.NODE_ENV === "production";
  const webDistDir = values.WEB_DIST_DIR ?? (existsSync(defaultWebDist) ? defaultWebDist : undefined);
  return {
    ...values,
    production,
    publicUrl: values.PUBLIC_URL ?? `http://${values.HOST === "0.0.0.0" ? "localhost" : values.HOST}:${values.PORT}`,
    selfServiceSignUp: values.SELF_SERVICE_SIGNUP ?? !production,
    invitationLinksInAnswer: values.INVITATION_LINKS_IN_ANSWER ?? !production,
    sessionLifetime: { idleHours: values.SESSION_TTL_HOURS, maxHours: values.SESSION_MAX_HOURS },
    cookieSecure: values.COOKIE_SECURE ?? production,
    webDistDir,
    database: { ...resolveDatabaseUrls(env), poolSize: resolveDatabasePoolSize(env) },
    secretsKey: resolveSecretsKey(env),
    queue: resolveQueueConfig(env),
  };
}
