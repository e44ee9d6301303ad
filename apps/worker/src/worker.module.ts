import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from "@nestjs/common";
import { DiscoveryModule } from "@nestjs/core";
import type { Redis } from "ioredis";
import { createPrismaClient, type Prisma } from "@idlife/db";
import { createRedisConnection, JobProducer } from "@idlife/jobs";
import { CleanupExpiredAuthHandler } from "./handlers/cleanup-expired-auth.handler.ts";
import { CleanupOldUploadsHandler } from "./handlers/cleanup-old-uploads.handler.ts";
import { RunImportHandler } from "./handlers/run-import.handler.ts";
import { RunSnapshotHandler } from "./handlers/run-snapshot.handler.ts";
import { SweepLostJobsHandler } from "./handlers/sweep-lost-jobs.handler.ts";
import { JobRunner } from "./job-runner.ts";
import { Schedules } from "./schedules.ts";
import { ScheduleDueImportsHandler } from "./schedules/schedule-due-imports.handler.ts";
import { JOB_PRODUCER, PRISMA, REDIS, WORKER_CONFIG } from "./tokens.ts";
import type { WorkerConfig } from "./worker-config.ts";

@Module({})
export class WorkerModule implements OnApplicationShutdown {
  static forConfig(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: PRISMA, useFactory: () => createPrismaClient(config.database.appUrl) },
        { provide: REDIS, useFactory: () => createRedisConnection(config.queue.redisUrl) },
        { provide: JOB_PRODUCER, useFactory: (redis: Redis) => new JobProducer(redis, config.queue), inject: [REDIS] },
        JobRunner,
        Schedules,
        CleanupExpiredAuthHandler,
        CleanupOldUploadsHandler,
        RunImportHandler,
        RunSnapshotHandler,
        ScheduleDueImportsHandler,
        SweepLostJobsHandler,
      ],
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
