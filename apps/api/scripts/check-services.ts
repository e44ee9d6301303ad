// Checks that PostgreSQL and Redis answer before anything starts, and says what to do if not.
import { Redis } from "ioredis";
import { createPrismaClient, resolveDatabaseUrls } from "@idlife/db";
import { resolveQueueConfig } from "@idlife/jobs";

const hide = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
const { ownerUrl } = resolveDatabaseUrls();
const { redisUrl } = resolveQueueConfig();
const problems: string[] = [];

const prisma = createPrismaClient(ownerUrl.replace(/\/[^/?]+(\?|$)/, "/postgres$1"), { maxConnections: 1 });
try {
  await prisma.$queryRaw`SELECT 1`;
} catch (error) {
  problems.push(`PostgreSQL is not reachable at ${hide(ownerUrl)} (${(error as Error).message.split("\n")[0]})`);
} finally {
  await prisma.$disconnect().catch(() => {});
}

const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
redis.on("error", () => {});
try {
  await redis.connect();
  await redis.ping();
} catch (error) {
  problems.push(`Redis is not reachable at ${hide(redisUrl)} (${(error as Error).message})`);
} finally {
  redis.disconnect();
}

if (problems.length > 0) {
  console.error(`\nidlife needs PostgreSQL (15 or newer) and Redis (7 or newer).\n  - ${problems.join("\n  - ")}\n`);
  console.error("Start them with Docker:   docker compose up -d postgres redis");
  console.error("or point to your own:     DATABASE_URL=postgresql://user:pass@host:5432/idlife REDIS_URL=redis://host:6379\n");
  process.exit(1);
}
console.log(`PostgreSQL and Redis answer (${hide(ownerUrl)}, ${hide(redisUrl)}).`);
