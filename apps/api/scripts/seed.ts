import { createPrismaClient, resolveDatabaseUrls } from "@idlife/db";
import { DEMO, seedDemo } from "./seed-demo.ts";

// The demo accounts have published passwords: never on a production deployment unless asked for.
if (process.env.NODE_ENV === "production" && process.env.SEED_DEMO !== "true") {
  console.log("Production: the demo tenant is not seeded (set SEED_DEMO=true to seed it anyway).");
  console.log("Create the first platform administrator with: pnpm platform:create-admin <email>");
  process.exit(0);
}

// Seeds through the owner connection: the platform admin flag is not something the app sets.
const prisma = createPrismaClient(resolveDatabaseUrls().ownerUrl, { maxConnections: 2 });
try {
  const { created } = await seedDemo(prisma);
  console.log(created ? "  Demo tenant created." : "  Demo tenant already present.");
  console.log(`  Tenant:          ${DEMO.tenantName} (${DEMO.tenantSlug})`);
  console.log(`  Owner sign-in:   ${DEMO.ownerEmail} / ${DEMO.ownerPassword}`);
  console.log(`  Platform admin:  ${DEMO.platformAdminEmail} / ${DEMO.platformAdminPassword}`);
} finally {
  await prisma.$disconnect();
}
