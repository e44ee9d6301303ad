import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

export type Prisma = PrismaClient;

export interface CreatePrismaOptions {
  /** Connections in the pool; small by default because a 2-core machine runs api and worker. */
  maxConnections?: number;
}

/** A Prisma client over node-postgres. Use the app role's URL everywhere except migrations and seeding. */
export function createPrismaClient(connectionString: string, options: CreatePrismaOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}
