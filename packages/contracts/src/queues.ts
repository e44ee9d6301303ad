/**
 * One queue per job family. NEVER rename a queue: jobs already waiting in Redis under the old
 * name would never be picked up again. Add a new one instead and drain the old.
 * Declared here (not in @idlife/jobs) because the API's job route validates a queue name, and the
 * portal must not pull in the queue client to know them.
 */
export const QUEUE_NAMES = ["import", "snapshot", "evaluate", "enforce", "notify", "schedule"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];
