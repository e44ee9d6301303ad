import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from "@nestjs/common";
import { DiscoveryService, Reflector } from "@nestjs/core";
import { DelayedError, UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { asTenantId, runWithContext, type Prisma } from "@idlife/db";
import { checkQueueSettings, createRedisConnection, isJobName, jobCatalog, JOB_NAMES, QUEUE_NAMES, tenantOfJob, type JobName, type QueueName, type QueueSettings } from "@idlife/jobs";
import { JOB_HANDLER_METADATA, type JobHandler } from "./job-handler.ts";
import { TenantSlots } from "./tenant-slots.ts";
import { PRISMA, REDIS, WORKER_CONFIG } from "./tokens.ts";
import type { WorkerConfig } from "./worker-config.ts";

/** How soon a job whose tenant ran out of slots is tried again (plus up to as much at random). */
const TENANT_SHARE_RETRY_MS = 1_000;

/** Finds the handler of every catalog job; refuses to start when one has none or two. */
export function collectHandlers(entries: Array<{ name: JobName; handler: JobHandler }>): Map<JobName, JobHandler> {
  const handlers = new Map<JobName, JobHandler>();
  for (const { name, handler } of entries) {
    if (!isJobName(name)) throw new Error(`A handler is registered for '${name}', which is not in the job catalog`);
    if (handlers.has(name)) throw new Error(`Job '${name}' has two handlers; exactly one is allowed`);
    handlers.set(name, handler);
  }
  const missing = JOB_NAMES.filter((name) => !handlers.has(name));
  if (missing.length > 0) throw new Error(`No handler for job(s): ${missing.join(", ")}. The worker will not start.`);
  return handlers;
}

/** The queues that have jobs in the catalog: the ones a worker serves. */
export const servedQueues = (): QueueName[] => QUEUE_NAMES.filter((name) => JOB_NAMES.some((job) => jobCatalog[job].queue === name));

/** Refuses to start when a served queue has no settings (queueSettings is checked at compile time too). */
export function checkServedQueues(queues: Partial<Record<QueueName, QueueSettings>>): void {
  checkQueueSettings(queues, servedQueues());
}

/** Runs one BullMQ Worker per queue and dispatches each job to its handler in a job context. */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger("JobRunner");
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];
  private handlers = new Map<JobName, JobHandler>();
  private readonly slots: TenantSlots;

  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(PRISMA) private readonly prisma: Prisma,
    @Inject(REDIS) redis: Redis,
  ) {
    // A lease lives as long as the lock of the job that holds it.
    this.slots = new TenantSlots(redis, config.queue.prefix, Math.max(...Object.keys(config.tenantShares).map((queue) => config.queues[queue as QueueName].lockDurationMs)));
  }

  onApplicationBootstrap() {
    this.handlers = collectHandlers(
      this.discovery
        .getProviders()
        .filter((wrapper) => wrapper.metatype && wrapper.instance)
        .flatMap((wrapper) => {
          const name = this.reflector.get<JobName | undefined>(JOB_HANDLER_METADATA, wrapper.metatype as never);
          return name ? [{ name, handler: wrapper.instance as JobHandler }] : [];
        }),
    );
    const queues = servedQueues();
    checkServedQueues(this.config.queues);
    for (const queue of queues) {
      const settings = this.config.queues[queue];
      // BullMQ never closes a connection it was given; these are closed on shutdown below.
      const connection = createRedisConnection(this.config.queue.redisUrl);
      this.connections.push(connection);
      const worker = new Worker(queue, (job, token) => this.process(queue, job, token), {
        connection,
        prefix: this.config.queue.prefix,
        concurrency: settings.concurrency,
        lockDuration: settings.lockDurationMs,
        ...(settings.limiter ? { limiter: { max: settings.limiter.max, duration: settings.limiter.durationMs } } : {}),
        stalledInterval: this.config.WORKER_STALLED_INTERVAL_MS,
        maxStalledCount: this.config.WORKER_MAX_STALLED_COUNT,
      });
      worker.on("failed", (job, error) => this.logger.warn(`Job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`));
      worker.on("error", (error) => this.logger.error(`Queue ${queue}: ${error.message}`));
      this.workers.push(worker);
    }
    const shares = Object.entries(this.config.tenantShares).map(([queue, share]) => `${queue} ${share}`);
    this.logger.log(`Serving queues ${queues.map((queue) => `${queue} (${this.config.queues[queue].concurrency} at once)`).join(", ")} with ${this.handlers.size} job handler(s); slots per tenant: ${shares.join(", ")}`);
  }

  private async process(queue: QueueName, job: Job, token: string | undefined): Promise<unknown> {
    if (!isJobName(job.name)) throw new UnrecoverableError(`Unknown job '${job.name}': no such job in the catalog`);
    // The catalog says whether a job is tenant work; the payload is not guessed from.
    const tenantOfPayload = tenantOfJob(job.name, job.data);
    if (jobCatalog[job.name].scope === "tenant" && tenantOfPayload === undefined) {
      throw new UnrecoverableError(`Job ${job.name} is tenant-scoped but its payload has no tenantId; it is not run`);
    }
    const parsed = jobCatalog[job.name].payload.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`Invalid payload for ${job.name}: ${parsed.error.message}`);
    const tenantId = tenantOfPayload === undefined ? undefined : asTenantId(tenantOfPayload);
    if (tenantId) {
      // Tenant work only for a tenant that exists and is active (it may have been suspended
      // while the job waited).
      const tenant = await this.prisma.tenant.findUnique({ where: { id: tenantId }, select: { status: true } });
      if (tenant?.status !== "active") throw new UnrecoverableError(`Tenant ${tenantId} does not exist or is not active`);
    }
    const handler = this.handlers.get(job.name)!;
    const run = () => runWithContext({ actor: { type: "system", id: null, label: `job ${job.name}` }, tenantId }, () => handler.handle(parsed.data as never, job));
    const share = this.config.tenantShares[queue];
    if (!tenantId || share === undefined) return run();
    const lease = await this.slots.acquire(queue, tenantId, share);
    if (!lease) {
      // The tenant already runs its share: give the slot back to the queue (no attempt is used)
      // so another tenant's job runs, and try again shortly.
      await job.moveToDelayed(Date.now() + TENANT_SHARE_RETRY_MS + Math.floor(Math.random() * TENANT_SHARE_RETRY_MS), token);
      throw new DelayedError();
    }
    try {
      return await run();
    } finally {
      await lease.release();
    }
  }

  /** Finishes the jobs in hand before exiting; a job cut off by a hard kill is retried via its lock expiry. */
  async beforeApplicationShutdown(signal?: string) {
    this.logger.log(`Shutting down${signal ? ` on ${signal}` : ""}: finishing jobs in hand`);
    await Promise.all(this.workers.map((worker) => worker.close()));
    for (const connection of this.connections) connection.disconnect();
  }
}
