import { Inject, Injectable, Logger, type OnApplicationBootstrap } from "@nestjs/common";
import { jobCatalog, type JobProducer } from "@idlife/jobs";
import { JOB_PRODUCER, WORKER_CONFIG } from "./tokens.ts";
import type { WorkerConfig } from "./worker-config.ts";

/** Registers repeating platform jobs. Upserting is idempotent, so every worker may do it. */
@Injectable()
export class Schedules implements OnApplicationBootstrap {
  private readonly logger = new Logger("Schedules");

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(JOB_PRODUCER) private readonly producer: JobProducer,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.SCHEDULES_ENABLED) return;
    const name = "maintenance.cleanup-expired-auth";
    const definition = jobCatalog[name];
    await this.producer.queue(definition.queue).upsertJobScheduler(
      name,
      { pattern: this.config.CLEANUP_CRON },
      { name, data: { trigger: "schedule" }, opts: definition.options },
    );
    this.logger.log(`Scheduled ${name} at '${this.config.CLEANUP_CRON}'`);
  }
}
