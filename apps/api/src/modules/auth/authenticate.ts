import type { Request } from "express";
import { asTenantId, type Prisma, type TenantId } from "@idlife/db";
import type { ApiKeyScope } from "@idlife/core";
import { ApiError, unauthorized } from "../../common/http/api-error.ts";
import type { RateLimits } from "../../infrastructure/rate-limits.ts";
import { parseApiKey, sha256 } from "@idlife/use-cases";
import { findSession, SESSION_COOKIE, type SessionLifetime, type SessionUser } from "./sessions.ts";

export type Caller =
  | { kind: "user"; user: SessionUser }
  | { kind: "api_key"; apiKeyId: string; prefix: string; tenantId: TenantId; scopes: ApiKeyScope[] };

interface ApiKeyRow {
  id: string;
  tenant_id: string;
  scopes: string[];
  expires_at: Date | null;
  revoked_at: Date | null;
}

const lastTouched = new Map<string, number>();

/** Works out who is calling: an API key (Authorization: Bearer) or a person (session cookie). */
export async function authenticate(
  request: Request,
  prisma: Prisma,
  rateLimits: RateLimits,
  sessionLifetime: SessionLifetime,
): Promise<Caller | undefined> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const [scheme, key] = authorization.split(" ");
    if (scheme?.toLowerCase() !== "bearer" || !key) throw unauthorized("Send the API key as 'Authorization: Bearer <key>'.");
    return authenticateApiKey(key, prisma, rateLimits);
  }
  const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  if (!token) return undefined;
  const user = await findSession(prisma, token, sessionLifetime);
  return user ? { kind: "user", user } : undefined;
}

async function authenticateApiKey(key: string, prisma: Prisma, rateLimits: RateLimits): Promise<Caller> {
  const invalid = unauthorized("The API key is not valid. Check that it was copied whole and has not been revoked.");
  const parsed = parseApiKey(key);
  if (!parsed) throw invalid;
  // The one lookup that crosses tenants: the key is what tells us the tenant (see migration).
  // The database compares the hash of the whole key, so no stored hash is ever read out.
  const rows = await prisma.$queryRaw<ApiKeyRow[]>`SELECT * FROM app_find_api_key(${parsed.prefix}, ${sha256(key)})`;
  const row = rows[0];
  if (!row) throw invalid;
  if (row.revoked_at) throw unauthorized("This API key has been revoked.");
  if (row.expires_at && row.expires_at <= new Date()) throw unauthorized("This API key has expired.");
  await rateLimits.consumeApiKey(row.id);
  const now = Date.now();
  if ((lastTouched.get(row.id) ?? 0) < now - 60_000) {
    lastTouched.set(row.id, now);
    await prisma.$executeRaw`SELECT app_touch_api_key(${row.id}::uuid)`;
  }
  return {
    kind: "api_key",
    apiKeyId: row.id,
    prefix: parsed.prefix,
    tenantId: asTenantId(row.tenant_id),
    scopes: row.scopes as ApiKeyScope[],
  };
}

export function requireUser(caller: Caller | undefined): SessionUser {
  if (caller?.kind !== "user") throw new ApiError(401, "unauthenticated", "Sign in first.");
  return caller.user;
}
