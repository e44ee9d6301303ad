// Creates (or promotes) a platform administrator and prints a one-time password.
// Usage: pnpm platform:create-admin <email> [display name]
import { z } from "zod";
import { createPrismaClient, resolveDatabaseUrls } from "@idlife/db";
import { hashPassword, randomToken } from "@idlife/use-cases";

const email = z.email().safeParse(process.argv[2]?.trim().toLowerCase());
if (!email.success) {
  console.error("Usage: pnpm platform:create-admin <email> [display name]");
  process.exit(1);
}
const password = randomToken(18);
const prisma = createPrismaClient(resolveDatabaseUrls().ownerUrl, { maxConnections: 1 });
try {
  const passwordHash = await hashPassword(password);
  await prisma.user.upsert({
    where: { email: email.data },
    create: { email: email.data, displayName: process.argv[3] ?? "Platform administrator", passwordHash, isPlatformAdmin: true, emailVerifiedAt: new Date() },
    update: { isPlatformAdmin: true, passwordHash, failedSignInCount: 0, lockedUntil: null },
  });
  console.log(`Platform administrator ${email.data}; one-time password (change it after signing in): ${password}`);
} finally {
  await prisma.$disconnect();
}
