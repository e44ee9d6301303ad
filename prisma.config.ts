// Used by the Prisma CLI where its native engine is available (`prisma migrate deploy`).
// On machines without internet the project's own scripts (pnpm db:migrate) do the same work
// through Prisma's WebAssembly schema engine.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/idlife" },
});
