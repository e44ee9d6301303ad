import type { Redis } from "ioredis";
import { createPrismaClient, type Prisma } from "@idlife/db";
import { createRedisConnection, type QueueConfig } from "./connection.ts";
import { JobProducer } from "./producer.ts";

// The connections both the API and the worker need, built one way and injected by one set of
// tokens (Nest providers as plain objects, so this package needs no Nest of its own).

export const PRISMA = Symbol("PRISMA");
export const REDIS = Symbol("REDIS");
export const JOB_PRODUCER = Symbol("JOB_PRODUCER");
const INFRASTRUCTURE_SHUTDOWN = Symbol("INFRASTRUCTURE_SHUTDOWN");

export interface InfrastructureConfig {
  /** The application role's URL (row-level security applies) and its pool size. */
  database: { appUrl: string; poolSize: number };
  queue: QueueConfig;
}

/** Providers of PRISMA, REDIS and JOB_PRODUCER, closed when the application shuts down. */
export function infrastructureProviders(config: InfrastructureConfig) {
  return [
    { provide: PRISMA, useFactory: () => createPrismaClient(config.database.appUrl, { maxConnections: config.database.poolSize }) },
    { provide: REDIS, useFactory: () => createRedisConnection(config.queue.redisUrl) },
    { provide: JOB_PRODUCER, useFactory: (redis: Redis) => new JobProducer(redis, config.queue), inject: [REDIS] },
    {
      provide: INFRASTRUCTURE_SHUTDOWN,
      useFactory: (prisma: Prisma, redis: Redis, producer: JobProducer) => ({
        // Nest calls this hook on every provider's instance at app.close().
        async onApplicationShutdown() {
          await producer.close();
          await prisma.$disconnect();
          redis.disconnect();
        },
      }),
      inject: [PRISMA, REDIS, JOB_PRODUCER],
    },
  ];
}

/** The tokens a module exports to the rest of the application. */
export const infrastructureTokens = [PRISMA, REDIS, JOB_PRODUCER] as const;
