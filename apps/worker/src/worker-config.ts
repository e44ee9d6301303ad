import { z } from "zod";
import { resolveDatabasePoolSize, resolveDatabaseUrls, resolveSecretsKey } from "@idlife/db";
import { QUEUE_NAMES, queueSettings, resolveQueueConfig, type QueueName, type QueueSettings } from "@idlife/jobs";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Each queue's concurrency and lock duration come from queueSettings (packages/jobs); these,
  // when set, replace them for every queue (a bigger machine, a test that kills workers).
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  // How long a job's lock lives without renewal; a worker that dies loses its lock after this
  // and the job is handed to another worker (BullMQ's stalled-job check).
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(500).max(10 * 60_000).optional(),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).max(10 * 60_000).default(30_000),
  WORKER_MAX_STALLED_COUNT: z.coerce.number().int().min(1).max(10).default(3),
  WORKER_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(60 * 60_000).default(60_000),
  // How many import jobs of one tenant may run at once, counted across all workers (snapshot jobs
  // likewise; they run one at a time per tenant anyway). Below the concurrency, one tenant's slow or
  // stuck imports leave slots for every other tenant. Default: all slots but one.
  IMPORTS_PER_TENANT: z.coerce.number().int().min(1).max(64).optional(),
  SNAPSHOTS_PER_TENANT: z.coerce.number().int().min(1).max(64).default(1),
  // Target system runs of one tenant at once across all workers (default: all enforce slots but one).
  TARGET_RUNS_PER_TENANT: z.coerce.number().int().min(1).max(64).optional(),
  // Evaluations of one tenant at once across all workers (default: all evaluate slots but one).
  EVALUATIONS_PER_TENANT: z.coerce.number().int().min(1).max(64).optional(),
  CLEANUP_CRON: z.string().max(100).default("*/15 * * * *"),
  // How long uploaded files are kept after their imports finished (or, unused, after uploading);
  // the latest upload of each file is always kept. At most 30 days.
  UPLOAD_RETENTION_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  // Time limit of one mapping script call during imports. 1 s suits interactive previews and
  // ordinary scripts; a slow machine (or a test that wants V8 itself to give up first) may raise it.
  MAPPING_SCRIPT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
  // "Today" for contract states (YYYY-MM-DD), for tests and demos that use fixed data; unset in production.
  FIXED_TODAY: z.iso.date().optional(),
  SCHEDULES_ENABLED: z.enum(["true", "false"]).default("true").transform((value) => value === "true"),
  // Whether source connectors (CSV URLs, HTTP JSON, script connectors) may reach private and
  // local network addresses. Refused by default: a hosted platform must not let an
  // administrator's URL read its own network. An on-premise installation may allow it.
  CONNECTOR_PRIVATE_NETWORKS: z.enum(["allow", "deny"]).default("deny"),
  // A target system that answers "busy" (429, LDAP busy, connection refused): an action is tried
  // this often, waiting TARGET_BUSY_BASE_DELAY_MS, doubled per attempt up to TARGET_BUSY_MAX_DELAY_MS.
  TARGET_BUSY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  TARGET_BUSY_BASE_DELAY_MS: z.coerce.number().int().min(100).max(10 * 60_000).default(5_000),
  TARGET_BUSY_MAX_DELAY_MS: z.coerce.number().int().min(100).max(60 * 60_000).default(5 * 60_000),
});

export type WorkerConfig = ReturnType<typeof loadWorkerConfig>;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid worker configuration: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  const { WORKER_CONCURRENCY, WORKER_LOCK_DURATION_MS } = parsed.data;
  const queues = Object.fromEntries(
    QUEUE_NAMES.map((name): [QueueName, QueueSettings] => [
      name,
      { ...queueSettings[name], ...(WORKER_CONCURRENCY ? { concurrency: WORKER_CONCURRENCY } : {}), ...(WORKER_LOCK_DURATION_MS ? { lockDurationMs: WORKER_LOCK_DURATION_MS } : {}) },
    ]),
  ) as Record<QueueName, QueueSettings>;
  // A share above the queue's concurrency means no share at all; cap it there.
  const tenantShares: Partial<Record<QueueName, number>> = {
    import: Math.min(queues.import.concurrency, parsed.data.IMPORTS_PER_TENANT ?? Math.max(1, queues.import.concurrency - 1)),
    snapshot: Math.min(queues.snapshot.concurrency, parsed.data.SNAPSHOTS_PER_TENANT),
    // Target runs (one per system at a time): a tenant with many systems leaves a slot for the others.
    enforce: Math.min(queues.enforce.concurrency, parsed.data.TARGET_RUNS_PER_TENANT ?? Math.max(1, queues.enforce.concurrency - 1)),
    // Evaluations (each may cover the whole tenant): one tenant's leave a slot for the others.
    evaluate: Math.min(queues.evaluate.concurrency, parsed.data.EVALUATIONS_PER_TENANT ?? Math.max(1, queues.evaluate.concurrency - 1)),
  };
  return {
    ...parsed.data,
    queues,
    tenantShares,
    targetBusyPolicy: { maxAttempts: parsed.data.TARGET_BUSY_MAX_ATTEMPTS, baseDelayMs: parsed.data.TARGET_BUSY_BASE_DELAY_MS, maxDelayMs: parsed.data.TARGET_BUSY_MAX_DELAY_MS },
    database: { ...resolveDatabaseUrls(env), poolSize: resolveDatabasePoolSize(env) },
    queue: resolveQueueConfig(env),
    secretsKey: resolveSecretsKey(env),
  };
}
