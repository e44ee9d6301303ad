import { Inject, Injectable, Logger, SetMetadata } from "@nestjs/common";
import type { Job } from "bullmq";
import type { Prisma } from "@idlife/db";
import type { JobName, JobPayload, JobProducer } from "@idlife/jobs";
import { JOB_PRODUCER, PRISMA, WORKER_CONFIG } from "./tokens.ts";
import type { WorkerConfig } from "./worker-config.ts";

export const JOB_HANDLER_METADATA = "idlife:job-handler";

/** Marks a provider as the handler of one catalog job. Exactly one handler per job name. */
export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER_METADATA, name);

export interface JobHandler<Name extends JobName = JobName> {
  handle(payload: JobPayload<Name>, job: Job): Promise<unknown>;
}

/** What a job handler may use: the database, the job producer, the settings and its own logger. */
export interface WorkerContext {
  prisma: Prisma;
  producer: JobProducer;
  config: WorkerConfig;
  logger: Logger;
}

/**
 * The handler of a job that is one function over the worker's infrastructure (most call one use
 * case). The returned class is an ordinary provider: list it in WorkerModule and the job runner
 * finds it by its job name. `loggerName` is the context its log lines carry.
 */
export function jobHandler<Name extends JobName>(
  name: Name,
  loggerName: string,
  run: (context: WorkerContext, payload: JobPayload<Name>) => Promise<unknown>,
) {
  @Injectable()
  @HandlesJob(name)
  class WorkerJobHandler implements JobHandler<Name> {
    private readonly context: WorkerContext;

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
  Object.defineProperty(WorkerJobHandler, "name", { value: `JobHandler(${name})` });
  return WorkerJobHandler;
}
