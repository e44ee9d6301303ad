import { Inject, Injectable, Logger, type OnApplicationBootstrap } from "@nestjs/common";
import { jobCatalog, type JobName, type JobPayload, type JobProducer } from "@idlife/jobs";
import { JOB_PRODUCER, WORKER_CONFIG } from "./tokens.ts";
import type { WorkerConfig } from "./worker-config.ts";

/** The import scheduler ticks every minute; each source's own cron and window are decided in the tick. */
const IMPORT_SCHEDULER_CRON = "* * * * *";
/** Lost imports and snapshots are repaired within about a minute of their job's end. */
const SWEEPER_CRON = "* * * * *";

/** Each tenant's day starts in its own time zone: an hourly tick finds the tenants whose new day has come. */
const DAILY_EVALUATION_CRON = "5 * * * *";

/** Retention removes days-old data: once a night (03:30) is enough, and away from office hours. */
const RETENTION_CRON = "30 3 * * *";

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
    await this.repeat("maintenance.cleanup-expired-auth", this.config.CLEANUP_CRON, { trigger: "schedule" });
    await this.repeat("maintenance.cleanup-uploads", this.config.CLEANUP_CRON, { trigger: "schedule" });
    await this.repeat("maintenance.apply-retention", RETENTION_CRON, { trigger: "schedule" });
    await this.repeat("import.schedule-due", IMPORT_SCHEDULER_CRON, {});
    await this.repeat("maintenance.sweep-lost-jobs", SWEEPER_CRON, {});
    await this.repeat("evaluation.daily", DAILY_EVALUATION_CRON, {});
  }

  private async repeat<Name extends JobName>(name: Name, pattern: string, data: JobPayload<Name>) {
    const definition = jobCatalog[name];
    await this.producer.queue(definition.queue).upsertJobScheduler(name, { pattern }, { name, data, opts: definition.options });
    this.logger.log(`Scheduled ${name} at '${pattern}'`);
  }
}
