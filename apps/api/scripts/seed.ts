import { createPrismaClient, resolveDatabaseUrls } from "@idlife/db";
import { DEMO, seedDemo } from "./seed-demo.ts";

// Seeds through the owner connection: the platform admin flag is not something the app sets.
const prisma = createPrismaClient(resolveDatabaseUrls().ownerUrl, { maxConnections: 2 });
try {
  const { created } = await seedDemo(prisma);
  console.log(created ? "Demo tenant created." : "Demo tenant already present.");
  console.log(`  Tenant:          ${DEMO.tenantName} (${DEMO.tenantSlug})`);
  console.log(`  Owner sign-in:   ${DEMO.ownerEmail} / ${DEMO.ownerPassword}`);
  console.log(`  Platform admin:  ${DEMO.platformAdminEmail} / ${DEMO.platformAdminPassword}`);
} finally {
  await prisma.$disconnect();
}
