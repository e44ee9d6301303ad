import type { Prisma, UserId } from "@idlife/db";
import { randomToken, sha256 } from "@idlife/use-cases";

export const SESSION_COOKIE = "idlife_session";

export interface SessionUser {
  sessionId: string;
  userId: UserId;
  email: string;
  displayName: string;
  isPlatformAdmin: boolean;
}

/** Idle timeout (slides with use) and absolute lifetime (never extended). */
export interface SessionLifetime {
  idleHours: number;
  maxHours: number;
}

const expiryFor = (lifetime: SessionLifetime, createdAt: Date) =>
  new Date(Math.min(Date.now() + lifetime.idleHours * 3600_000, createdAt.getTime() + lifetime.maxHours * 3600_000));

export async function createSession(
  prisma: Prisma,
  userId: string,
  lifetime: SessionLifetime,
  client: { ipAddress?: string | null; userAgent?: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = expiryFor(lifetime, new Date());
  await prisma.session.create({
    data: {
      tokenHash: sha256(token),
      userId,
      expiresAt,
      ipAddress: client.ipAddress ?? null,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
    },
  });
  return { token, expiresAt };
}

/** Finds the live session for a cookie value and slides its expiry forward (at most once a minute). */
export async function findSession(prisma: Prisma, token: string, lifetime: SessionLifetime): Promise<SessionUser | undefined> {
  const session = await prisma.session.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  if (!session || session.expiresAt <= new Date()) return undefined;
  if (session.createdAt.getTime() + lifetime.maxHours * 3600_000 <= Date.now()) return undefined;
  if (Date.now() - session.lastSeenAt.getTime() > 60_000) {
    await prisma.session.update({
      where: { id: session.id },
      data: { lastSeenAt: new Date(), expiresAt: expiryFor(lifetime, session.createdAt) },
    });
  }
  return {
    sessionId: session.id,
    userId: session.userId as UserId,
    email: session.user.email,
    displayName: session.user.displayName,
    isPlatformAdmin: session.user.isPlatformAdmin,
  };
}

export async function deleteSession(prisma: Prisma, sessionId: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id: sessionId } });
}
