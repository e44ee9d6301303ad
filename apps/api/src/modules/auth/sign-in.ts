import { asUserId, recordAudit, type Prisma } from "@idlife/db";
import { ApiError } from "../../common/http/api-error.ts";
import type { RateLimits } from "../../infrastructure/rate-limits.ts";
import type { ApiConfig } from "../../config/api-config.ts";
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from "./passwords.ts";
import { createSession } from "./sessions.ts";
import { recordForUserTenants } from "./user-audit.ts";

export interface SignInDependencies {
  prisma: Prisma;
  rateLimits: RateLimits;
  config: ApiConfig;
}

export interface ClientInfo {
  ipAddress: string;
  userAgent?: string;
}

const invalidCredentials = () =>
  new ApiError(401, "invalid_credentials", "The email address or password is not correct.");

/** Checks a password, locks the account after repeated failures, and opens a session. */
export async function signIn(deps: SignInDependencies, email: string, password: string, client: ClientInfo) {
  const { prisma, rateLimits, config } = deps;
  await rateLimits.consumeSignIn(client.ipAddress, email);
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) {
    await verifyPassword(password, UNUSABLE_PASSWORD_HASH);
    await prisma.$transaction(async (tx) => {
      await recordAudit(tx, {
        tenantId: null,
        actor: { type: "system", id: null, label: email },
        action: "auth.sign_in_failed",
        after: { email, reason: "unknown_email" },
      });
    });
    throw invalidCredentials();
  }
  const userId = asUserId(user.id);
  const actor = { type: "user", id: userId, label: user.email, isPlatformAdmin: user.isPlatformAdmin } as const;

  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await recordForUserTenants(prisma, userId, actor, { action: "auth.sign_in_failed", after: { reason: "locked" } });
    throw new ApiError(
      423,
      "account_locked",
      `Too many failed sign-ins: this account is locked until ${user.lockedUntil.toISOString()}. Wait, or reset your password.`,
      { lockedUntil: user.lockedUntil.toISOString() },
    );
  }

  if (!(await verifyPassword(password, user.passwordHash))) {
    const failures = user.failedSignInCount + 1;
    const lock = failures >= config.LOCKOUT_AFTER_FAILURES;
    await prisma.user.update({
      where: { id: user.id },
      data: lock
        ? { failedSignInCount: 0, lockedUntil: new Date(Date.now() + config.LOCKOUT_MINUTES * 60_000) }
        : { failedSignInCount: failures },
    });
    await recordForUserTenants(prisma, userId, actor, {
      action: lock ? "auth.account_locked" : "auth.sign_in_failed",
      after: { reason: "wrong_password", consecutiveFailures: failures },
    });
    throw invalidCredentials();
  }

  await prisma.user.update({
    where: { id: user.id },
    data: { failedSignInCount: 0, lockedUntil: null, lastSignInAt: new Date() },
  });
  const session = await createSession(prisma, user.id, config.SESSION_TTL_HOURS, client);
  await recordForUserTenants(prisma, userId, actor, { action: "auth.sign_in", after: { userAgent: client.userAgent ?? null } });
  return { userId, ...session };
}
