import { Inject, Injectable, Logger } from "@nestjs/common";
import type { Prisma } from "@idlife/db";
import type { JobPayload } from "@idlife/jobs";
import { HandlesJob, type JobHandler } from "../job-handler.ts";
import { PRISMA } from "../tokens.ts";

/**
 * Deletes sessions past their expiry and reset tokens that expired or were used more than a
 * day ago. Safe to run twice: a second run finds nothing to delete.
 */
@Injectable()
@HandlesJob("maintenance.cleanup-expired-auth")
export class CleanupExpiredAuthHandler implements JobHandler<"maintenance.cleanup-expired-auth"> {
  private readonly logger = new Logger("Cleanup");

  constructor(@Inject(PRISMA) private readonly prisma: Prisma) {}

  async handle(payload: JobPayload<"maintenance.cleanup-expired-auth">) {
    const now = new Date();
    const dayAgo = new Date(now.getTime() - 24 * 3600_000);
    const sessions = await this.prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
    const tokens = await this.prisma.passwordResetToken.deleteMany({
      where: { OR: [{ expiresAt: { lte: now } }, { usedAt: { lte: dayAgo } }] },
    });
    const result = { deletedSessions: sessions.count, deletedResetTokens: tokens.count };
    this.logger.log(`Cleanup (${payload.trigger}): ${result.deletedSessions} sessions, ${result.deletedResetTokens} reset tokens deleted`);
    return result;
  }
}
