import { asUserId, type Prisma } from "@idlife/db";
import { ApiError } from "../../common/http/api-error.ts";
import { hashPassword } from "./passwords.ts";
import { randomToken, sha256 } from "./secret-tokens.ts";
import { recordForUserTenants } from "./user-audit.ts";

/**
 * Stores a reset token (hashed) that expires. Returns the token for delivery; the caller
 * must never put it in an HTTP response (mail delivery arrives with notifications).
 */
export async function requestPasswordReset(prisma: Prisma, email: string, ttlMinutes: number) {
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) return undefined;
  const token = randomToken();
  await prisma.passwordResetToken.create({
    data: { tokenHash: sha256(token), userId: user.id, expiresAt: new Date(Date.now() + ttlMinutes * 60_000) },
  });
  await recordForUserTenants(prisma, asUserId(user.id), { type: "user", id: asUserId(user.id), label: user.email, isPlatformAdmin: user.isPlatformAdmin }, {
    action: "auth.password_reset_requested",
  });
  return { token, userId: user.id };
}

/** Sets the new password, spends the token, ends every session and lifts a lockout. */
export async function confirmPasswordReset(prisma: Prisma, token: string, password: string) {
  const passwordHash = await hashPassword(password);
  const userId = await prisma.$transaction(async (tx) => {
    // Spend the token atomically: two concurrent confirmations cannot both succeed.
    const spent = await tx.passwordResetToken.updateMany({
      where: { tokenHash: sha256(token), usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (spent.count !== 1) {
      throw new ApiError(400, "invalid_reset_token", "This reset link is invalid, used or expired. Request a new one.");
    }
    const record = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    await tx.user.update({ where: { id: record.userId }, data: { passwordHash, failedSignInCount: 0, lockedUntil: null } });
    await tx.session.deleteMany({ where: { userId: record.userId } });
    return record.userId;
  });
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  await recordForUserTenants(prisma, asUserId(userId), { type: "user", id: asUserId(userId), label: user.email, isPlatformAdmin: user.isPlatformAdmin }, {
    action: "auth.password_reset",
  });
}
