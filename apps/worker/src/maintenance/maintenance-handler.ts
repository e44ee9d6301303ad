import { Inject, Injectable, Logger } from "@nestjs/common";
import type { Prisma } from "@idlife/db";
import type { JobName, JobPayload, JobProducer } from "@idlife/jobs";
import { HandlesJob, type JobHandler } from "../job-handler.ts";
import { JOB_PRODUCER, PRISMA, WORKER_CONFIG } from "../tokens.ts";
import type { WorkerConfig } from "../worker-config.ts";

/** What a maintenance or schedule job may use: the database, the job producer, the settings and its own logger. */
export interface MaintenanceContext {
  prisma: Prisma;
  producer: JobProducer;
  config: WorkerConfig;
  logger: Logger;
}

/**
 * The handler of a tenant-wide job that is one function over the worker's infrastructure. The
 * returned class is an ordinary provider: list it in WorkerModule and the job runner finds it by
 * its job name. `loggerName` is the context its log lines carry.
 */
export function maintenanceHandler<Name extends JobName>(
  name: Name,
  loggerName: string,
  run: (context: MaintenanceContext, payload: JobPayload<Name>) => Promise<unknown>,
) {
  @Injectable()
  @HandlesJob(name)
  class MaintenanceHandler implements JobHandler<Name> {
    private readonly context: MaintenanceContext;

    constructor(
      @Inject(PRISMA) prisma: Prisma,
      @Inject(JOB_PRODUCER) producer: JobProducer,
      @Inject(WORKER_CONFIG) config: WorkerConfig,
    ) {
      this.context = { prisma, producer, config, logger: new Logger(loggerName) };
    }

    handle(payload: JobPayload<Name>) {
      return run(this.context, payload);
    }
  }
  // Nest names providers by their class in its errors: say which job this one is.
  Object.defineProperty(MaintenanceHandler, "name", { value: `MaintenanceHandler(${name})` });
  return MaintenanceHandler;
}
