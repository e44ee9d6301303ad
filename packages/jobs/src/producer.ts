import { Queue, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { jobCatalog, type JobName, type JobPayload } from "./catalog.ts";
import type { QueueName } from "./queues.ts";
import type { QueueConfig } from "./connection.ts";

export class InvalidJobPayloadError extends Error {
  constructor(
    readonly jobName: string,
    readonly issues: unknown,
  ) {
    super(`Payload for job ${jobName} is invalid`);
  }
}

export interface EnqueueOptions {
  /** Deterministic id where duplicates are possible: BullMQ ignores a second add with the same id. */
  jobId?: string;
  delayMs?: number;
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

  async enqueue<Name extends JobName>(
    name: Name,
    payload: JobPayload<Name>,
    options: EnqueueOptions = {},
  ): Promise<Job> {
    const definition = jobCatalog[name];
    const parsed = definition.payload.safeParse(payload);
    if (!parsed.success) throw new InvalidJobPayloadError(name, parsed.error.issues);
    return this.queue(definition.queue).add(name, parsed.data, {
      ...definition.options,
      ...(options.jobId ? { jobId: options.jobId } : {}),
      ...(options.delayMs ? { delay: options.delayMs } : {}),
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
