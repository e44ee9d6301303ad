import { z } from "zod";
import type { JobsOptions } from "bullmq";
import type { QueueName } from "./queues.ts";

/**
 * "tenant": the job works on one tenant's data; its payload carries tenantId, the job runner runs
 * it in that tenant's context (row-level security) and refuses it without one. "platform": work
 * across tenants (maintenance, ticks) without a tenant context.
 */
export type JobScope = "tenant" | "platform";

export interface JobDefinition<Schema extends z.ZodType = z.ZodType> {
  queue: QueueName;
  scope: JobScope;
  payload: Schema;
  options: JobsOptions;
  description: string;
}

type Described<Schema extends z.ZodType> = Omit<JobDefinition<Schema>, "scope">;

/** A tenant job: its payload type must have tenantId, or it does not compile. */
export const tenantJob = <Schema extends z.ZodType<{ tenantId: string }>>(definition: Described<Schema>) => ({ ...definition, scope: "tenant" as const });
export const platformJob = <Schema extends z.ZodType>(definition: Described<Schema>) => ({ ...definition, scope: "platform" as const });

/** Retention is bounded so Redis does not grow without limit. */
const retention = {
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
} satisfies JobsOptions;

/** Retried with exponential backoff from `delay` milliseconds on. */
const retried = (attempts: number, delay: number) => ({ attempts, backoff: { type: "exponential", delay }, ...retention }) satisfies JobsOptions;
/** Not retried: a tick's next run, a minute or an hour later, decides again from scratch. */
const once = { attempts: 1, ...retention } satisfies JobsOptions;

/** The payload of a tenant job: the tenant and the ids of what it works on. */
const tenantIds = <Shape extends z.ZodRawShape>(ids: Shape) => z.strictObject({ tenantId: z.uuid(), ...ids });
/** The payload of a tick: without `at` it decides for the current time; `at` stands in for it (tests, replays). */
const tick = z.strictObject({ at: z.iso.datetime().optional() });
const trigger = z.enum(["schedule", "manual"]);

/**
 * Every job the platform runs, by `domain.verb` name. Payloads carry ids (and the tenant id
 * for tenant work), never whole entities: the handler reloads what it needs.
 */
export const jobCatalog = {
  "maintenance.cleanup-expired-auth": platformJob({
    queue: "schedule",
    description: "Deletes expired sessions and expired or used password-reset tokens.",
    payload: z.strictObject({ trigger, requestedBy: z.uuid().optional() }),
    options: retried(5, 2_000),
  }),
  "maintenance.cleanup-uploads": platformJob({
    queue: "schedule",
    description: "Removes uploaded files past the retention period that no import needs; the latest upload of each file stays.",
    payload: z.strictObject({ trigger }),
    options: retried(3, 5_000),
  }),
  "maintenance.apply-retention": platformJob({
    queue: "schedule",
    description: "Removes raw record versions and person history older than each tenant's retention setting, in batches; current versions and each person's latest change stay.",
    payload: z.strictObject({ trigger }),
    options: retried(3, 5_000),
  }),
  "maintenance.sweep-lost-jobs": platformJob({
    queue: "schedule",
    description: "Fails the imports and snapshots whose job no longer runs (a worker died, a job was given up), so they can be started again (every minute).",
    payload: tick,
    options: once,
  }),
  "import.run": tenantJob({
    queue: "import",
    description: "Fetches a source system's data, stores it raw, maps it, checks the safety thresholds and snapshots.",
    payload: tenantIds({ importId: z.uuid() }),
    // A failed fetch is recorded on the import itself; retries are for crashes of the worker.
    options: retried(3, 5_000),
  }),
  "import.schedule-due": platformJob({
    queue: "schedule",
    description: "Starts the scheduled imports whose cron time has come, within each source system's allowed hours (every minute).",
    payload: tick,
    options: once,
  }),
  "snapshot.run": tenantJob({
    queue: "snapshot",
    description: "Decides the current persons from the latest raw data of every source system and the current configuration.",
    payload: tenantIds({ snapshotId: z.uuid() }),
    options: retried(3, 5_000),
  }),
  "evaluation.run": tenantJob({
    queue: "evaluate",
    description: "Computes what the business rules (published, or drafts for a simulation) want for every person or the persons named, against what they hold: the plan of grants and revokes, changing nothing in any target.",
    payload: tenantIds({ evaluationId: z.uuid() }),
    // A retry starts the evaluation over (its earlier changes are removed first).
    options: retried(3, 5_000),
  }),
  "evaluation.daily": platformJob({
    queue: "schedule",
    description: "Evaluates and enforces, once a day in each tenant's time zone, every tenant with published rules: contracts that start or end, grace and delete days, without an import (ticks hourly).",
    payload: tick,
    options: once,
  }),
  "target.run-actions": tenantJob({
    queue: "enforce",
    description: "Runs the due actions of one target system's work table (a bounded batch, then again while more are due), through one connector session within the system's concurrency and rate.",
    payload: tenantIds({ targetSystemId: z.uuid() }),
    // Each action records its own failure; retries are for crashes of the worker.
    options: retried(3, 5_000),
  }),
} as const;

export type JobName = keyof typeof jobCatalog;
export type JobPayload<Name extends JobName> = z.infer<(typeof jobCatalog)[Name]["payload"]>;
export const JOB_NAMES = Object.keys(jobCatalog) as JobName[];

/** The tenant a tenant job is for; undefined for platform jobs and for a tenant job without one. */
export function tenantOfJob(name: JobName, payload: unknown): string | undefined {
  if (jobCatalog[name].scope !== "tenant") return undefined;
  const tenantId = (payload as { tenantId?: unknown } | null)?.tenantId;
  return typeof tenantId === "string" && tenantId !== "" ? tenantId : undefined;
}

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobCatalog, name);
}
