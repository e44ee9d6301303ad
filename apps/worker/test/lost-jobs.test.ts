import { describe, expect, it } from "vitest";
import { Job, UnrecoverableError, Worker } from "bullmq";
import { createRedisConnection } from "@idlife/jobs";
import pg from "pg";
import { startTestWorker, startWorkerChild, testWorkerEnv, uploadCsv, useApiWithProducer, waitForImport } from "./support.ts";

const stack = useApiWithProducer();

// Short locks so that a killed worker's job is taken over within seconds. Every worker of the file
// uses them: BullMQ lets one stalled-job check run per interval across all workers of a queue.
const env = { WORKER_LOCK_DURATION_MS: "1500", WORKER_STALLED_INTERVAL_MS: "1000" };
const mapping = { person: { ExternalId: { type: "field", path: "id" } }, contract: {} };

async function waitForJob(job: Job) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const state = await job.getState();
    if (state === "completed" || state === "failed") return Job.fromId(stack.producer.queue("schedule"), job.id!);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${job.id} did not finish`);
}

describe("the sweeper", () => {
  it("fails imports and snapshots whose job is gone, with the reason, so the source can be imported again", async () => {
    const { client, tenantId } = await stack.api.createTenantWithMember("owner");
    const source = async (name: string) => (await client.post("/api/v1/source-systems", { name, connectorType: "http_json", settings: { url: "https://hr.example.test/persons" }, mapping })).body.id as string;
    const [givenUp, neverPicked] = [await source("Given up"), await source("Never picked up")];

    // One import a worker took and BullMQ then gave up on (a worker stalled too often): the row stays running.
    const running = (await client.post(`/api/v1/source-systems/${givenUp}/imports`, {})).body.id as string;
    const takerConnection = createRedisConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
    const taker = new Worker("import", null, { connection: takerConnection, prefix: stack.api.queuePrefix });
    const job = (await taker.getNextJob("dead-worker"))!;
    expect(job.id).toBe(`import-${running}`);
    await stack.api.ownerPrisma.import.update({ where: { id: running }, data: { status: "running", startedAt: new Date() } });
    const snapshot = await stack.api.ownerPrisma.snapshot.create({ data: { tenantId, cause: "import", importId: running, status: "running" } });
    // Its last attempt: BullMQ retries it no more.
    await job.moveToFailed(new UnrecoverableError("job stalled more than allowable limit"), "dead-worker", false);
    expect(await job.getState()).toBe("failed");
    await taker.close();
    takerConnection.disconnect();
    // One import whose job vanished from the queue before any worker saw it: the row stays queued.
    const queued = (await client.post(`/api/v1/source-systems/${neverPicked}/imports`, {})).body.id as string;
    await stack.producer.queue("import").remove(`import-${queued}`);
    expect((await client.post(`/api/v1/source-systems/${givenUp}/imports`, {})).body.error.code).toBe("import_running");

    const worker = await startTestWorker(stack.api, env);
    try {
      // Now: the running import is lost; the queued one may still be on its way to the queue.
      await waitForJob(await stack.producer.enqueue("maintenance.sweep-lost-jobs", {}));
      const lost = await stack.api.ownerPrisma.import.findUniqueOrThrow({ where: { id: running } });
      expect(lost.status).toBe("failed");
      expect(lost.error).toBe("The worker running this import stopped and the job was lost; start the import again.");
      expect((await stack.api.ownerPrisma.snapshot.findUniqueOrThrow({ where: { id: snapshot.id } })).status).toBe("failed");
      expect((await stack.api.ownerPrisma.import.findUniqueOrThrow({ where: { id: queued } })).status).toBe("queued");

      // Minutes later the queued one is lost too.
      const later = new Date(Date.now() + 5 * 60_000).toISOString();
      await waitForJob(await stack.producer.enqueue("maintenance.sweep-lost-jobs", { at: later }));
      const never = await stack.api.ownerPrisma.import.findUniqueOrThrow({ where: { id: queued } });
      expect(never.status).toBe("failed");
      expect(never.error).toMatch(/start the import again/);

      // "Import now" works again, and what the API shows says why the old one failed.
      expect((await client.get(`/api/v1/imports/${running}`)).body.error).toMatch(/job was lost/);
      const again = await client.post(`/api/v1/source-systems/${givenUp}/imports`, {});
      expect(again.status).toBe(202);
      await waitForImport(client, again.body.id);
    } finally {
      await worker.close();
    }
  });
});

describe("an import whose worker was killed after writing its persons", () => {
  it("reports, when retried, the persons it added", async () => {
    const { client, tenantId } = await stack.api.createTenantWithMember("owner");
    const created = await client.post("/api/v1/source-systems", { name: "HR", connectorType: "csv", settings: { layout: "single", persons: { delimiter: ";", personKey: "id" } }, mapping });
    await uploadCsv(client, created.body.id, "id;name\nP1;Ann\nP2;Bob\nP3;Cem\n");

    // The snapshot table is locked: the import writes its source records, then waits to snapshot.
    const lock = new pg.Client({ connectionString: stack.api.database.ownerUrl });
    await lock.connect();
    await lock.query("BEGIN");
    await lock.query("LOCK TABLE snapshots IN ACCESS EXCLUSIVE MODE");
    const child = startWorkerChild(testWorkerEnv(stack.api, env));
    try {
      const started = await client.post(`/api/v1/source-systems/${created.body.id}/imports`, {});
      for (let attempt = 0; attempt < 600; attempt++) {
        if ((await stack.api.ownerPrisma.personSource.count({ where: { tenantId, delivered: true } })) === 3) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await stack.api.ownerPrisma.personSource.count({ where: { tenantId, delivered: true } })).toBe(3);
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
      await lock.query("ROLLBACK");

      // Another worker takes the job over once the dead worker's lock expires.
      const worker = await startTestWorker(stack.api, env);
      try {
        const run = await waitForImport(client, started.body.id);
        expect(run.status, JSON.stringify(run)).toBe("completed");
        expect(await stack.api.ownerPrisma.person.count({ where: { tenantId } })).toBe(3);
        expect(run.counts).toMatchObject({ fetched: 3, added: 3, removed: 0, personsAdded: 3 });
      } finally {
        await worker.close();
      }
    } finally {
      child.kill("SIGKILL");
      await lock.end();
    }
  }, 60_000);
});
