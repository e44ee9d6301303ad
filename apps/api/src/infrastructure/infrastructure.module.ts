import { Global, Inject, Module, type OnApplicationShutdown } from "@nestjs/common";
import type { Redis } from "ioredis";
import { createPrismaClient, type Prisma } from "@idlife/db";
import { createRedisConnection, JobProducer } from "@idlife/jobs";
import type { ApiConfig } from "../config/api-config.ts";
import { API_CONFIG, JOB_PRODUCER, PRISMA, REDIS } from "./tokens.ts";
import { TenantDatabase } from "./tenant-database.ts";
import { RateLimits } from "./rate-limits.ts";

@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  static forConfig(config: ApiConfig) {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: API_CONFIG, useValue: config },
        // The API connects as the application role: row-level security applies to it.
        { provide: PRISMA, useFactory: () => createPrismaClient(config.database.appUrl) },
        { provide: REDIS, useFactory: () => createRedisConnection(config.queue.redisUrl) },
        {
          provide: JOB_PRODUCER,
          useFactory: (redis: Redis) => new JobProducer(redis, config.queue),
          inject: [REDIS],
        },
        TenantDatabase,
        RateLimits,
      ],
      exports: [API_CONFIG, PRISMA, REDIS, JOB_PRODUCER, TenantDatabase, RateLimits],
    };
  }

  constructor(
    @Inject(PRISMA) private readonly prisma: Prisma,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(JOB_PRODUCER) private readonly producer: JobProducer,
  ) {}

  async onApplicationShutdown() {
    await this.producer.close();
    await this.prisma.$disconnect();
    this.redis.disconnect();
  }
}
