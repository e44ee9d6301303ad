import type { QueueName } from "./queues.ts";

/** How the worker runs one queue. */
export interface QueueSettings {
  /** Jobs of this queue one worker process runs at once. */
  concurrency: number;
  /** How long a job's lock lives without renewal; after a worker dies, its job goes to another worker after this. */
  lockDurationMs: number;
  /** At most `max` jobs per `durationMs` across all workers (for queues that call rate-limited systems). */
  limiter?: { max: number; durationMs: number };
}

/**
 * Settings of every queue, keyed by queue name. `satisfies Record<QueueName, …>`: a queue added
 * to QUEUE_NAMES without its settings here does not compile (and the worker refuses to start
 * if one is missing at run time anyway).
 */
export const queueSettings = {
  // Imports hold a sandbox and a database connection each; the per-tenant slots share these.
  import: { concurrency: 4, lockDurationMs: 30_000 },
  snapshot: { concurrency: 4, lockDurationMs: 30_000 },
  evaluate: { concurrency: 2, lockDurationMs: 30_000 },
  // Target systems (Entra, Google, SaaS) throttle callers: stay well below their limits.
  enforce: { concurrency: 4, lockDurationMs: 60_000, limiter: { max: 50, durationMs: 1_000 } },
  notify: { concurrency: 2, lockDurationMs: 30_000, limiter: { max: 20, durationMs: 1_000 } },
  // Short maintenance jobs and the minute ticks; two so a long cleanup does not hold up a tick.
  schedule: { concurrency: 2, lockDurationMs: 30_000 },
} as const satisfies Record<QueueName, QueueSettings>;

export type QueueSettingsTable = Record<QueueName, QueueSettings>;

/** Refuses a table (built from config at run time) in which a served queue has no settings. */
export function checkQueueSettings(table: Partial<Record<QueueName, QueueSettings>>, queues: readonly QueueName[]): asserts table is QueueSettingsTable {
  const missing = queues.filter((queue) => !table[queue]);
  if (missing.length > 0) {
    throw new Error(`Queue(s) ${missing.join(", ")} have no settings (add them to queueSettings in packages/jobs/src/queue-settings.ts). The worker will not start.`);
  }
}
