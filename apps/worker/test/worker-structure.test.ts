// How the worker is put together: every queue runs with its settings from the one table (a queue
// without them stops the start), tenant jobs run only for their tenant, and the database pool
// is as large as DATABASE_POOL_SIZE says, no larger.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import pg from "pg";
import type { Redis } from "ioredis";
import { PRISMA, REDIS, type QueueName, type QueueSettings } from "@idlife/jobs";
import type { Prisma } from "@idlife/db";
import { createWorker, loadWorkerConfig } from "../src/index.ts";
import { testWorkerEnv, useApiWithProducer } from "./support.ts";

const stack = useApiWithProducer();

describe("the worker's queues", () => {
  it("refuses to start when a queue it serves has no settings, naming the queue", async () => {
    const config = loadWorkerConfig(testWorkerEnv(stack.api));
    const queues: Partial<Record<QueueName, QueueSettings>> = { ...config.queues };
    delete queues.import;
    await expect(createWorker({ ...config, queues: queues as typeof config.queues })).rejects.toThrow(/import have no settings.*will not start/);
  });

  it("refuses a tenant job that reached the queue without its tenant: it fails at once and never runs", async () => {
    const worker = await createWorker(loadWorkerConfig(testWorkerEnv(stack.api)));
    try {
      const importId = randomUUID();
      // Past the producer (which refuses it): a job put there by other means.
      const job = await stack.producer.queue("import").add("import.run", { importId }, { attempts: 3 });
      let state = await job.getState();
      for (let attempt = 0; attempt < 100 && state !== "failed"; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        state = await job.getState();
      }
      expect(state).toBe("failed");
      const failed = await stack.producer.queue("import").getJob(job.id!);
      expect(failed?.failedReason).toMatch(/tenant-scoped.*no tenantId/);
      // Unrecoverable: not retried.
      expect(failed?.attemptsMade).toBe(1);
    } finally {
      await worker.close();
    }
  });
});

describe("the database pool", () => {
  it("opens at most DATABASE_POOL_SIZE connections however many queries wait", async () => {
    const worker = await createWorker(loadWorkerConfig(testWorkerEnv(stack.api, { DATABASE_POOL_SIZE: "3" })));
    const observer = new pg.Client({ connectionString: stack.api.database.ownerUrl });
    await observer.connect();
    try {
      const prisma = worker.get<Prisma>(PRISMA);
      const marker = `pool_${randomUUID().replaceAll("-", "")}`;
      // Prisma's queries start when awaited: Promise.all starts all eight now.
      const queries = Promise.all(Array.from({ length: 8 }, () => prisma.$queryRawUnsafe(`SELECT pg_sleep(0.4)::text AS ${marker}`)));
      let most = 0;
      for (let sample = 0; sample < 20; sample++) {
        const { rows } = await observer.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE $1 AND pid <> pg_backend_pid()`, [`%AS ${marker}%`]);
        most = Math.max(most, rows[0].n);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await queries;
      expect(most).toBe(3);
    } finally {
      await observer.end();
      await worker.close();
    }
    // Closing the worker closed its connections too (the socket ends a moment later).
    const redis = worker.get<Redis>(REDIS);
    for (let attempt = 0; attempt < 20 && redis.status !== "end"; attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(redis.status).toBe("end");
  });

  it("refuses a pool size out of bounds with the allowed range", () => {
    for (const size of ["0", "101", "ten", "-1"]) {
      expect(() => loadWorkerConfig(testWorkerEnv(stack.api, { DATABASE_POOL_SIZE: size }))).toThrow(/DATABASE_POOL_SIZE must be a whole number from 1 to 100/);
    }
  });
});
