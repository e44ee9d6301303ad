import { createPrismaClient, resolveDatabaseUrls } from "@idlife/db";
import { createRedisConnection, JobProducer, resolveQueueConfig } from "@idlife/jobs";
import { DEMO, seedDemo } from "./seed-demo.ts";
import { seedDemoSources } from "./seed-demo-sources.ts";

// The demo accounts have published passwords: never on a production deployment unless asked for.
if (process.env.NODE_ENV === "production" && process.env.SEED_DEMO !== "true") {
  console.log("Production: the demo tenant is not seeded (set SEED_DEMO=true to seed it anyway).");
  console.log("Create the first platform administrator with: pnpm platform:create-admin <email>");
  process.exit(0);
}

// Seeds through the owner connection: the platform admin flag is not something the app sets.
const prisma = createPrismaClient(resolveDatabaseUrls().ownerUrl, { maxConnections: 2 });
const queue = resolveQueueConfig();
const redis = createRedisConnection(queue.redisUrl);
const producer = new JobProducer(redis, queue);
try {
  const { created } = await seedDemo(prisma);
  console.log(created ? "  Demo tenant created." : "  Demo tenant already present.");
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { slug: DEMO.tenantSlug } });
  const queued = await seedDemoSources(prisma, tenant.id, producer);
  if (queued.length > 0) console.log(`  Example data:    ${queued.join(", ")} (imports queued; the worker runs them)`);
  console.log(`  Tenant:          ${DEMO.tenantName} (${DEMO.tenantSlug})`);
  console.log(`  Owner sign-in:   ${DEMO.ownerEmail} / ${DEMO.ownerPassword}`);
  console.log(`  Platform admin:  ${DEMO.platformAdminEmail} / ${DEMO.platformAdminPassword}`);
} finally {
  await producer.close();
  redis.disconnect();
  await prisma.$disconnect();
}
