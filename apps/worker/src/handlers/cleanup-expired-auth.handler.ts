import { jobHandler } from "../job-handler.ts";

/**
 * Deletes sessions past their expiry and reset tokens that expired or were used more than a
 * day ago. Safe to run twice: a second run finds nothing to delete.
 */
export const CleanupExpiredAuthHandler = jobHandler("maintenance.cleanup-expired-auth", "Cleanup", async ({ prisma, logger }, payload) => {
  const now = new Date();
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const sessions = await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
  const tokens = await prisma.passwordResetToken.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { usedAt: { lte: dayAgo } }] },
  });
  const result = { deletedSessions: sessions.count, deletedResetTokens: tokens.count };
  logger.log(`Cleanup (${payload.trigger}): ${result.deletedSessions} sessions, ${result.deletedResetTokens} reset tokens deleted`);
  return result;
});
