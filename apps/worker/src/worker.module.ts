import { Module, type DynamicModule } from "@nestjs/common";
import { DiscoveryModule } from "@nestjs/core";
import { infrastructureProviders } from "@idlife/jobs";
import { ApplyRetentionHandler } from "./handlers/apply-retention.handler.ts";
import { CleanupExpiredAuthHandler } from "./handlers/cleanup-expired-auth.handler.ts";
import { CleanupOldUploadsHandler } from "./handlers/cleanup-old-uploads.handler.ts";
import { DailyEvaluationHandler } from "./handlers/daily-evaluation.handler.ts";
import { RunEvaluationHandler } from "./handlers/run-evaluation.handler.ts";
import { RunImportHandler } from "./handlers/run-import.handler.ts";
import { RunSnapshotHandler } from "./handlers/run-snapshot.handler.ts";
import { RunTargetActionsHandler } from "./handlers/run-target-actions.handler.ts";
import { SweepLostJobsHandler } from "./handlers/sweep-lost-jobs.handler.ts";
import { JobRunner } from "./job-runner.ts";
import { Schedules } from "./schedules.ts";
import { ScheduleDueImportsHandler } from "./schedules/schedule-due-imports.handler.ts";
import { WORKER_CONFIG } from "./tokens.ts";
import type { WorkerConfig } from "./worker-config.ts";

@Module({})
export class WorkerModule {
  static forConfig(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        // The API's providers and tokens too: Prisma (application role), Redis, the job producer.
        ...infrastructureProviders(config),
        JobRunner,
        Schedules,
        ApplyRetentionHandler,
        CleanupExpiredAuthHandler,
        CleanupOldUploadsHandler,
        DailyEvaluationHandler,
        RunEvaluationHandler,
        RunImportHandler,
        RunSnapshotHandler,
        RunTargetActionsHandler,
        ScheduleDueImportsHandler,
        SweepLostJobsHandler,
      ],
    };
  }
}
