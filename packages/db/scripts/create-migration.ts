// pnpm db:migration <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with the
// changes made to prisma/schema.prisma since the last migration. Works offline, no database.
import { createMigration } from "../src/migrations/index.ts";

const args = process.argv.slice(2).filter((arg) => arg !== "--");
if (args.length > 1) {
  console.error(`Expected one migration name, got ${args.length}: ${args.join(" ")}`);
  process.exit(2);
}
try {
  await createMigration(args[0], { log: (message) => console.log(message) });
} catch (error) {
  console.error(`db:migration: ${(error as Error).message}`);
  process.exit(1);
}
