import { asUserId, type Prisma, type TransactionClient } from "@idlife/db";
import { ApiError } from "../../common/http/api-error.ts";
import { hashPassword, issuePasswordResetToken, sha256 } from "@idlife/use-cases";
import { recordForUserTenants } from "./user-audit.ts";

/** Handles "forgot password": nothing happens for an unknown address, and the caller cannot tell. */
export async function requestPasswordReset(prisma: Prisma, email: string, ttlMinutes: number) {
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) return undefined;
  const token = await issuePasswordResetToken(prisma, user.id, ttlMinutes);
  await recordForUserTenants(prisma, asUserId(user.id), { type: "system", id: null, label: "password reset request" }, {
    action: "auth.password_reset_requested",
    targetType: "user",
    targetId: user.id,
  });
  return { token, userId: user.id };
}

/**
 * Sets the new password, spends the token (and any other), ends every session, lifts a
 * lockout, and marks the email address verified: only its owner could have read the link.
 */
export async function confirmPasswordReset(prisma: Prisma, token: string, password: string) {
  const passwordHash = await hashPassword(password);
  const userId = await prisma.$transaction(async (tx: TransactionClient) => {
    // Spend the token atomically: two concurrent confirmations cannot both succeed.
    const spent = await tx.passwordResetToken.updateMany({
      where: { tokenHash: sha256(token), usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (spent.count !== 1) {
      throw new ApiError(400, "invalid_reset_token", "This link is invalid, used or expired. Request a new one.");
    }
    const record = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    await tx.passwordResetToken.updateMany({ where: { userId: record.userId, usedAt: null }, data: { usedAt: new Date() } });
    const user = await tx.user.update({
      where: { id: record.userId },
      data: { passwordHash, failedSignInCount: 0, lockedUntil: null, emailVerifiedAt: new Date() },
    });
    await tx.session.deleteMany({ where: { userId: record.userId } });
    return { id: user.id, email: user.email, isPlatformAdmin: user.isPlatformAdmin };
  });
  await recordForUserTenants(prisma, asUserId(userId.id), { type: "user", id: asUserId(userId.id), label: userId.email, isPlatformAdmin: userId.isPlatformAdmin }, {
    action: "auth.password_reset",
    targetType: "user",
    targetId: userId.id,
  });
}
