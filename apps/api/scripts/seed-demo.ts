import { createPrismaClient, type Prisma } from "@idlife/db";
import { createTenant, hashPassword } from "@idlife/use-cases";

export const DEMO = {
  tenantName: "Demo School Board",
  tenantSlug: "demo",
  ownerEmail: "owner@demo.example",
  ownerPassword: "demo-owner-password",
  platformAdminEmail: "platform-admin@demo.example",
  platformAdminPassword: "demo-platform-password",
} as const;

/** Creates the demo tenant with its owner and a platform administrator, unless they exist. */
export async function seedDemo(prisma: Prisma) {
  const existing = await prisma.tenant.findUnique({ where: { slug: DEMO.tenantSlug } });
  if (!existing) {
    await createTenant({ prisma }, {
      name: DEMO.tenantName,
      slug: DEMO.tenantSlug,
      owner: { email: DEMO.ownerEmail, displayName: "Demo Owner", password: DEMO.ownerPassword },
      origin: "platform",
    });
  }
  if (!(await prisma.user.findUnique({ where: { email: DEMO.platformAdminEmail } }))) {
    await prisma.user.create({
      data: {
        email: DEMO.platformAdminEmail,
        displayName: "Platform Administrator",
        passwordHash: await hashPassword(DEMO.platformAdminPassword),
        isPlatformAdmin: true,
        emailVerifiedAt: new Date(),
      },
    });
  }
  return { created: !existing };
}
