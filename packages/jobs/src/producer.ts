import { Queue, type Job, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import { isJobName, jobCatalog, tenantOfJob, type JobName, type JobPayload } from "./catalog.ts";
import type { QueueName } from "./queues.ts";
import type { QueueConfig } from "./connection.ts";

export class InvalidJobPayloadError extends Error {
  constructor(
    readonly jobName: string,
    readonly issues: unknown,
    message = `Payload for job ${jobName} is invalid`,
  ) {
    super(message);
  }
}

/** A tenant-scoped job without the tenant it is for: refused before it reaches a queue. */
export class TenantRequiredError extends InvalidJobPayloadError {
  constructor(jobName: string) {
    super(jobName, [{ path: ["tenantId"], message: "required for a tenant job" }], `Job ${jobName} is tenant-scoped: its payload needs the tenantId it is for`);
  }
}

export interface EnqueueOptions {
  /** Deterministic id where duplicates are possible: BullMQ ignores a second add with the same id. */
  jobId?: string;
  delayMs?: number;
  /**
   * At most one waiting and one running job per id (BullMQ deduplication, keepLastIfActive): a
   * burst of requests is one job, and one asked for while a job runs runs once after it.
   */
  deduplicationId?: string;
}

/** One job of a bulk enqueue. */
export type BulkJob = { [Name in JobName]: { name: Name; payload: JobPayload<Name>; options?: EnqueueOptions } }[JobName];

/** A bulk enqueue in which some payloads are invalid; none of the jobs was added. */
export class InvalidBulkJobsError extends Error {
  constructor(readonly failures: Array<{ index: number; error: InvalidJobPayloadError }>) {
    super(`${failures.length} job(s) of the batch are invalid, none was added: ${failures.map(({ index, error }) => `#${index} ${error.message}`).join("; ")}`);
  }
}

/** The catalog's checks for one job: its scope, then its payload schema. */
function checkedJob(name: JobName, payload: unknown, options: EnqueueOptions = {}): { queue: QueueName; data: unknown; opts: JobsOptions } {
  if (!isJobName(name)) throw new InvalidJobPayloadError(name, [], `There is no job '${String(name)}' in the job catalog`);
  const definition = jobCatalog[name];
  // The scope first: a tenant job without its tenant is refused as such, whatever its schema says.
  if (definition.scope === "tenant" && tenantOfJob(name, payload) === undefined) throw new TenantRequiredError(name);
  const parsed = definition.payload.safeParse(payload);
  if (!parsed.success) throw new InvalidJobPayloadError(name, parsed.error.issues);
  return {
    queue: definition.queue,
    data: parsed.data,
    opts: {
      ...definition.options,
      ...(options.jobId ? { jobId: options.jobId } : {}),
      ...(options.delayMs ? { delay: options.delayMs } : {}),
      // reschedule: a request made while a wake-up waits for later runs now instead.
      ...(options.deduplicationId ? { deduplication: { id: options.deduplicationId, keepLastIfActive: true, reschedule: true } } : {}),
    },
  };
}

/** The only way to put work on a queue: validates the payload against the catalog first. */
export class JobProducer {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly connection: Redis,
    private readonly config: QueueConfig,
  ) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.config.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async enqueue<Name extends JobName>(name: Name, payload: JobPayload<Name>, options: EnqueueOptions = {}): Promise<Job> {
    const job = checkedJob(name, payload, options);
    return this.queue(job.queue).add(name, job.data, job.opts);
  }

  /**
   * Many jobs at once (one round trip per queue). Every payload is checked first: when one is
   * invalid, none is added and the error lists each invalid job by its index.
   */
  async enqueueBulk(jobs: readonly BulkJob[]): Promise<Job[]> {
    const failures: Array<{ index: number; error: InvalidJobPayloadError }> = [];
    const byQueue = new Map<QueueName, Array<{ index: number; name: JobName; data: unknown; opts: JobsOptions }>>();
    jobs.forEach((job, index) => {
      try {
        const checked = checkedJob(job.name, job.payload, job.options);
        const entries = byQueue.get(checked.queue) ?? [];
        entries.push({ index, name: job.name, data: checked.data, opts: checked.opts });
        byQueue.set(checked.queue, entries);
      } catch (error) {
        if (!(error instanceof InvalidJobPayloadError)) throw error;
        failures.push({ index, error });
      }
    });
    if (failures.length > 0) throw new InvalidBulkJobsError(failures);
    const added: Job[] = new Array(jobs.length);
    for (const [queue, entries] of byQueue) {
      const result = await this.queue(queue).addBulk(entries.map(({ name, data, opts }) => ({ name, data, opts })));
      result.forEach((job, position) => (added[entries[position]!.index] = job));
    }
    return added;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
