import type { ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { Job } from "bullmq";
import { TEST_PASSWORD } from "@idlife/api/testing";
import { hashPasswordForTests, startWorkerChild, useApiWithProducer } from "./support.ts";
import { createWorker, loadWorkerConfig } from "../src/index.ts";

const stack = useApiWithProducer();

const workerEnv = () => ({
  ...process.env,
  NODE_ENV: "test",
  DATABASE_URL: stack.api.database.ownerUrl,
  APP_DATABASE_URL: stack.api.database.appUrl,
  QUEUE_PREFIX: stack.api.queuePrefix,
  // Short locks so that a killed worker's job is recovered within seconds, not 30.
  WORKER_LOCK_DURATION_MS: "1500",
  WORKER_STALLED_INTERVAL_MS: "1000",
  SCHEDULES_ENABLED: "false",
});

async function arrangeSessions() {
  const user = await stack.api.ownerPrisma.user.create({
    data: { email: `s-${Date.now()}-${Math.random()}@example.test`, displayName: "S", passwordHash: await hashPasswordForTests(TEST_PASSWORD) },
  });
  const past = new Date(Date.now() - 3600_000);
  const future = new Date(Date.now() + 3600_000);
  await stack.api.ownerPrisma.session.createMany({
    data: [
      { tokenHash: `expired-1-${user.id}`, userId: user.id, expiresAt: past },
      { tokenHash: `expired-2-${user.id}`, userId: user.id, expiresAt: past },
      { tokenHash: `live-${user.id}`, userId: user.id, expiresAt: future },
    ],
  });
  await stack.api.ownerPrisma.passwordResetToken.create({ data: { tokenHash: `reset-${user.id}`, userId: user.id, expiresAt: past } });
  return user.id;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

function startWorkerProcess(extraEnv: Record<string, string> = {}): ChildProcess {
  return startWorkerChild({ ...workerEnv(), ...extraEnv });
}

/** Holds an exclusive lock on sessions so the cleanup job blocks mid-way, like a slow job. */
async function lockSessions() {
  const client = new pg.Client({ connectionString: stack.api.database.ownerUrl });
  await client.connect();
  await client.query("BEGIN");
  await client.query("LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE");
  return {
    release: async () => {
      await client.query("ROLLBACK");
      await client.end();
    },
  };
}

const jobState = async (id: string) => (await Job.fromId(stack.producer.queue("schedule"), id))!;

describe("worker", () => {
  it("processes a job that the API enqueued", async () => {
    const userId = await arrangeSessions();
    const admin = await stack.api.ownerPrisma.user.create({
      data: { email: `admin-${Date.now()}@example.test`, displayName: "Admin", passwordHash: await hashPasswordForTests(TEST_PASSWORD), isPlatformAdmin: true },
    });
    const client = stack.api.client();
    expect((await client.post("/api/v1/auth/sign-in", { email: admin.email, password: TEST_PASSWORD })).status).toBe(200);
    const enqueued = await client.post("/api/v1/platform/maintenance/cleanup");
    expect(enqueued.status).toBe(202);

    const worker = await createWorker(loadWorkerConfig(workerEnv()));
    try {
      const done = await waitFor("the job to complete", async () => {
        const response = await client.get(`/api/v1/platform/jobs/${enqueued.body.queue}/${enqueued.body.jobId}`);
        return response.body.state === "completed" ? response.body : undefined;
      });
      expect(done.returnValue).toMatchObject({ deletedSessions: 2, deletedResetTokens: 1 });
      const left = await stack.api.ownerPrisma.session.findMany({ where: { userId } });
      expect(left.map((session) => session.tokenHash)).toEqual([`live-${userId}`]);
    } finally {
      await worker.close();
    }
  });

  it("refuses a payload that is not in the catalog's shape before it reaches the queue", async () => {
    await expect(stack.producer.enqueue("maintenance.cleanup-expired-auth", { trigger: "whenever" } as never)).rejects.toThrow(/invalid/);
  });

  it("retries a job whose worker was killed mid-job instead of losing it", async () => {
    const userId = await arrangeSessions();
    const lock = await lockSessions();
    const child = startWorkerProcess();
    let lockHeld = true;
    try {
      const job = await stack.producer.enqueue("maintenance.cleanup-expired-auth", { trigger: "manual" });
      await waitFor("the job to be taken by the worker", async () => ((await jobState(job.id!).then((j) => j.getState())) === "active" ? true : undefined));
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
      await lock.release();
      lockHeld = false;

      // A fresh worker picks the stalled job up once the dead worker's lock expires.
      const worker = await createWorker(loadWorkerConfig(workerEnv()));
      try {
        await waitFor("the job to complete on the second worker", async () =>
          (await (await jobState(job.id!)).getState()) === "completed" ? true : undefined,
        );
        const finished = await jobState(job.id!);
        expect(finished.stalledCounter).toBeGreaterThanOrEqual(1);
        expect(await stack.api.ownerPrisma.session.count({ where: { userId, expiresAt: { lte: new Date() } } })).toBe(0);
      } finally {
        await worker.close();
      }
    } finally {
      if (lockHeld) await lock.release();
      child.kill("SIGKILL");
    }
  });

  it("finishes the job in hand when asked to stop (SIGTERM), then exits cleanly", async () => {
    const userId = await arrangeSessions();
    const lock = await lockSessions();
    const child = startWorkerProcess();
    try {
      const job = await stack.producer.enqueue("maintenance.cleanup-expired-auth", { trigger: "manual" });
      await waitFor("the job to be taken", async () => ((await (await jobState(job.id!)).getState()) === "active" ? true : undefined));
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(child.exitCode).toBeNull(); // still finishing its job
      await lock.release();
      expect(await exited).toBe(0);
      expect(await (await jobState(job.id!)).getState()).toBe("completed");
      expect(await stack.api.ownerPrisma.session.count({ where: { userId } })).toBe(1);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("leaves a job that outlives the shutdown grace period to be retried, not lost", async () => {
    const userId = await arrangeSessions();
    const lock = await lockSessions();
    const child = startWorkerProcess({ WORKER_SHUTDOWN_TIMEOUT_MS: "500" });
    let lockHeld = true;
    try {
      const job = await stack.producer.enqueue("maintenance.cleanup-expired-auth", { trigger: "manual" });
      await waitFor("the job to be taken", async () => ((await (await jobState(job.id!)).getState()) === "active" ? true : undefined));
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(1);
      await lock.release();
      lockHeld = false;
      const worker = await createWorker(loadWorkerConfig(workerEnv()));
      try {
        await waitFor("the job to complete on another worker", async () =>
          (await (await jobState(job.id!)).getState()) === "completed" ? true : undefined,
        );
        expect(await stack.api.ownerPrisma.session.count({ where: { userId } })).toBe(1);
      } finally {
        await worker.close();
      }
    } finally {
      if (lockHeld) await lock.release();
      child.kill("SIGKILL");
    }
  });
});
