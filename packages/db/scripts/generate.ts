// pnpm db:generate: `prisma generate` for prisma/schema.prisma, offline.
// Every Prisma CLI command first tries to download the native schema engine, which fails without
// internet; generate never runs that engine, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any
// existing file is enough.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot, schemaPath } from "../src/migrations/paths.ts";

const require = createRequire(import.meta.url);
const prismaCli = join(dirname(require.resolve("prisma/package.json")), "build", "index.js");

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ||= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
env.CHECKPOINT_DISABLE = "1";
// The root prisma.config.ts imports "prisma/config", which only this package depends on; pnpm run
// happens to put it on NODE_PATH, a direct `tsx scripts/generate.ts` would not.
const packageModules = join(repoRoot, "packages", "db", "node_modules");
env.NODE_PATH = [packageModules, env.NODE_PATH].filter(Boolean).join(delimiter);

const result = spawnSync(process.execPath, [prismaCli, "generate", "--schema", schemaPath], {
  cwd: repoRoot,
  env,
  encoding: "utf8",
});
if (result.error) {
  console.error(`db:generate: could not run prisma: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) {
  // Show everything prisma said: it is the only explanation there is.
  process.stderr.write(result.stdout);
  process.stderr.write(result.stderr);
  console.error(`db:generate: prisma generate failed (exit code ${result.status ?? result.signal})`);
  process.exit(result.status ?? 1);
}
const summary = `${result.stdout}\n${result.stderr}`.split("\n").find((line) => /Generated Prisma Client/.test(line));
console.log(summary?.trim().replace(/^✔\s*/, "") ?? "Prisma Client generated");
