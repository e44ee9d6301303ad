import type { Prisma, TransactionClient } from "@idlife/db";
import { randomToken, sha256 } from "./secret-tokens.ts";

/**
 * Issues a reset (or invitation) token for a user, stored hashed; earlier unused tokens stop
 * working. Returns the token for delivery: it must never go into an HTTP response.
 */
export async function issuePasswordResetToken(tx: TransactionClient | Prisma, userId: string, ttlMinutes: number) {
  const token = randomToken();
  await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  await tx.passwordResetToken.create({
    data: { tokenHash: sha256(token), userId, expiresAt: new Date(Date.now() + ttlMinutes * 60_000) },
  });
  return token;
}
