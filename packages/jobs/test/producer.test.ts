// The job producer against a real Redis: the catalog's checks (payload schema, tenant scope)
// run before anything reaches a queue, one job at a time or in bulk.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createRedisConnection,
  InvalidBulkJobsError,
  JobProducer,
  queueSettings,
  resolveQueueConfig,
  tenantJob,
  TenantRequiredError,
  type QueueName,
  type QueueSettings,
} from "../src/index.ts";

const config = { ...resolveQueueConfig(), prefix: `test-jobs-${randomUUID()}` };
const redis = createRedisConnection(config.redisUrl);
const producer = new JobProducer(redis, config);
afterAll(async () => {
  for (const queue of ["import", "snapshot", "schedule"] as const) await producer.queue(queue).obliterate({ force: true });
  await producer.close();
  redis.disconnect();
});

const waiting = async (queue: QueueName) => (await producer.queue(queue).getJobs(["waiting", "delayed", "prioritized"])).map((job) => job.data);

describe("enqueueing a job", () => {
  it("refuses a tenant-scoped job without the tenant it is for, and queues nothing", async () => {
    const importId = randomUUID();
    await expect(producer.enqueue("import.run", { importId } as never)).rejects.toBeInstanceOf(TenantRequiredError);
    await expect(producer.enqueue("import.run", { importId } as never)).rejects.toThrow(/tenant-scoped.*tenantId/);
    expect(await waiting("import")).not.toContainEqual(expect.objectContaining({ importId }));
  });

  it("adds a bulk of jobs only when every payload is valid, naming each invalid one", async () => {
    const tenantId = randomUUID();
    const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
    const attempt = producer.enqueueBulk([
      { name: "import.run", payload: { tenantId, importId: first } },
      { name: "snapshot.run", payload: { snapshotId: second } as never },
      { name: "import.run", payload: { tenantId, importId: "not-a-uuid" } },
      { name: "maintenance.sweep-lost-jobs", payload: {} },
    ]);
    const error = await attempt.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidBulkJobsError);
    expect((error as InvalidBulkJobsError).failures.map((failure) => failure.index)).toEqual([1, 2]);
    expect((error as Error).message).toMatch(/#1 .*snapshot\.run.*#2 .*import\.run/);
    expect(await waiting("import")).not.toContainEqual(expect.objectContaining({ importId: first }));

    const added = await producer.enqueueBulk([
      { name: "import.run", payload: { tenantId, importId: first }, options: { jobId: `import-${first}` } },
      { name: "snapshot.run", payload: { tenantId, snapshotId: second } },
      { name: "import.run", payload: { tenantId, importId: third } },
    ]);
    expect(added.map((job) => job.name)).toEqual(["import.run", "snapshot.run", "import.run"]);
    expect(added[0]!.id).toBe(`import-${first}`);
    expect(await waiting("import")).toEqual(expect.arrayContaining([{ tenantId, importId: first }, { tenantId, importId: third }]));
    expect(await waiting("snapshot")).toContainEqual({ tenantId, snapshotId: second });
  });
});

describe("declarations checked by the compiler", () => {
  it("needs settings for every queue and a tenantId in every tenant job's payload", () => {
    // @ts-expect-error a queue without settings does not compile
    const missing: Record<QueueName, QueueSettings> = { import: queueSettings.import };
    // @ts-expect-error a tenant job's payload must carry tenantId
    const job = tenantJob({ queue: "import", description: "x", options: {}, payload: z.strictObject({ importId: z.uuid() }) });
    expect([missing, job]).toHaveLength(2);
  });
});
