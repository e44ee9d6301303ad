// pnpm db:migrate: creates the database if needed, ensures the application role and applies the
// migrations in prisma/migrations (recorded in _prisma_migrations, like `prisma migrate deploy`).
import { redactUrl, resolveDatabaseUrls } from "../src/config.ts";
import { migrateDatabase } from "../src/migrations/index.ts";

const { ownerUrl } = resolveDatabaseUrls();
try {
  console.log(`migrating ${redactUrl(ownerUrl)}`);
  await migrateDatabase(ownerUrl, { log: (message) => console.log(message) });
} catch (error) {
  console.error(`db:migrate: ${(error as Error).message}`);
  process.exit(1);
}
