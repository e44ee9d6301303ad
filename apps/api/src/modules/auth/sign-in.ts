import { asUserId, recordAudit, type Prisma } from "@idlife/db";
import { ApiError } from "../../common/http/api-error.ts";
import type { RateLimits } from "../../infrastructure/rate-limits.ts";
import type { ApiConfig } from "../../config/api-config.ts";
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from "@idlife/use-cases";
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

// One answer for an unknown address, a wrong password and a locked account, after the same
// work (one scrypt), so that neither the answer nor its timing tells which accounts exist.
const refused = (config: ApiConfig) =>
  new ApiError(
    401,
    "invalid_credentials",
    `The email address or password is not correct. After ${config.LOCKOUT_AFTER_FAILURES} failed attempts from one address, that address waits before it may try this account again; "Forgot password?" sets a new password.`,
  );

/** Who tried: unknown until the password is right, so failures are not attributed to the account. */
const attempt = (email: string, ipAddress: string) =>
  ({ type: "system", id: null, label: `sign-in attempt for ${email} from ${ipAddress}` }) as const;

/**
 * Checks a password and opens a session. Failures slow down the (address, account) pair that
 * made them (RateLimits); the account itself locks only after many more, so a stranger's
 * guesses from elsewhere cannot shut its owner out.
 */
export async function signIn(deps: SignInDependencies, email: string, password: string, client: ClientInfo) {
  const { prisma, rateLimits, config } = deps;
  await rateLimits.consumeSignIn(client.ipAddress, email);
  const user = await prisma.user.findUnique({ where: { email } });
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
  if (!user || !passwordMatches) await rateLimits.recordSignInFailure(client.ipAddress, email);

  if (!user) {
    await prisma.$transaction((tx) =>
      recordAudit(tx, { tenantId: null, actor: attempt(email, client.ipAddress), action: "auth.sign_in_failed", after: { reason: "unknown_email" } }),
    );
    throw refused(config);
  }
  const userId = asUserId(user.id);
  const target = { targetType: "user", targetId: user.id };

  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await recordForUserTenants(prisma, userId, attempt(email, client.ipAddress), { action: "auth.sign_in_failed", ...target, after: { reason: "locked" } });
    throw refused(config);
  }

  if (!passwordMatches) {
    // Counted atomically: parallel guesses cannot all read the same count and slip past the lock.
    const [counted] = await prisma.$queryRaw<Array<{ failed_sign_in_count: number }>>`
      UPDATE users SET failed_sign_in_count = failed_sign_in_count + 1 WHERE id = ${user.id}::uuid
      RETURNING failed_sign_in_count`;
    const failures = counted?.failed_sign_in_count ?? 0;
    const lock = failures >= config.ACCOUNT_LOCKOUT_AFTER_FAILURES;
    if (lock) {
      await prisma.user.update({
        where: { id: user.id },
        data: { failedSignInCount: 0, lockedUntil: new Date(Date.now() + config.LOCKOUT_MINUTES * 60_000) },
      });
    }
    await recordForUserTenants(prisma, userId, attempt(email, client.ipAddress), {
      action: lock ? "auth.account_locked" : "auth.sign_in_failed",
      ...target,
      after: { reason: "wrong_password", consecutiveFailures: failures },
    });
    throw refused(config);
  }

  await prisma.user.update({ where: { id: user.id }, data: { failedSignInCount: 0, lockedUntil: null, lastSignInAt: new Date() } });
  await rateLimits.recordSignInSuccess(client.ipAddress, email);
  const session = await createSession(prisma, user.id, config.sessionLifetime, client);
  await recordForUserTenants(prisma, userId, { type: "user", id: userId, label: user.email, isPlatformAdmin: user.isPlatformAdmin }, {
    action: "auth.sign_in",
    after: { userAgent: client.userAgent ?? null },
  });
  return { userId, ...session };
}
