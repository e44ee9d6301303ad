import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";
import { DEFAULT_DATABASE_POOL_SIZE } from "./config.ts";

export type Prisma = PrismaClient;

export interface CreatePrismaOptions {
  /** Connections in the pool (DATABASE_POOL_SIZE for the API and the worker). */
  maxConnections?: number;
}

/** A Prisma client over node-postgres. Use the app role's URL everywhere except migrations and seeding. */
export function createPrismaClient(connectionString: string, options: CreatePrismaOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.maxConnections ?? DEFAULT_DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}
