import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Job } from "bullmq";
import { startTestApi, type TestApi, type TestClient } from "@idlife/api/testing";
import { jitterFor } from "@idlife/core";
import { asTenantId, createPrismaClient, type Prisma } from "@idlife/db";
import { createRedisConnection, jobCatalog, JobProducer } from "@idlife/jobs";
import { startTestWorker } from "./support.ts";
import { scheduleDueImports, type ScheduleDueImportsResult } from "../src/schedules/schedule-due-imports.ts";
import { startScheduledImport } from "../src/schedules/start-scheduled-import.ts";

let api: TestApi;
let redis: ReturnType<typeof createRedisConnection>;
let producer: JobProducer;
// The worker's own connection: the application role, under row-level security.
let prisma: Prisma;
let fileServer: Server;
let filesUrl: string;

const studentsCsv = "Id;Achternaam\n5001;Jansen\n5002;Bos\n";

beforeAll(async () => {
  api = await startTestApi();
  redis = createRedisConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  producer = new JobProducer(redis, { redisUrl: "", prefix: api.queuePrefix });
  prisma = createPrismaClient(api.database.appUrl, { maxConnections: 4 });
  fileServer = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/csv" });
    response.end(studentsCsv);
  });
  await new Promise<void>((resolve) => fileServer.listen(0, "127.0.0.1", resolve));
  filesUrl = `http://127.0.0.1:${(fileServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await producer?.close();
  redis?.disconnect();
  await prisma?.$disconnect();
  await new Promise((resolve) => fileServer?.close(resolve));
  await api?.close();
});

const mapping = {
  person: {
    ExternalId: { type: "field", path: "Id", required: true },
    "Name.FamilyName": { type: "field", path: "Achternaam" },
    "Name.Convention": { type: "fixed", value: "B" },
  },
  contract: {},
};

async function createCsvSource(client: TestClient, schedule: object, options: { url?: string } = {}) {
  const response = await client.post("/api/v1/source-systems", {
    name: `Students ${Math.random().toString(36).slice(2, 8)}`,
    connectorType: "csv",
    settings: { layout: "single", persons: { delimiter: ";", personKey: "Id", ...(options.url ? { url: options.url } : {}) } },
    mapping,
    schedule,
  });
  expect(response.status, response.text).toBe(201);
  return response.body.id as string;
}

/** Pretends the schedule was set at `at`: occurrences before it are not the source's to run. */
async function scheduleSetAt(sourceId: string, at: Date) {
  await api.ownerPrisma.$executeRaw`UPDATE source_systems SET updated_at = ${at} WHERE id = ${sourceId}::uuid`;
}

const tick = (at: string | Date) => scheduleDueImports({ prisma, producer, now: new Date(at) });

function reportFor(result: ScheduleDueImportsResult, sourceId: string) {
  const report = result.sources.find((source) => source.sourceSystemId === sourceId);
  if (!report) throw new Error(`the tick did not consider source ${sourceId}`);
  return report;
}

const importsOf = (sourceId: string) => api.ownerPrisma.import.findMany({ where: { sourceSystemId: sourceId }, orderBy: { createdAt: "asc" } });
const queuedJob = (importId: string) => Job.fromId(producer.queue(jobCatalog["import.run"].queue), `import-${importId}`);

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("scheduled imports", () => {
  it("waits outside the allowed hours and starts exactly once when the window opens", async () => {
    const { tenantId, client } = await api.createTenantWithMember("owner");
    const sourceId = await createCsvSource(client, { cron: "0 * * * *", allowedHours: { from: 23, to: 7 } }, { url: `${filesUrl}/students.csv` });
    await scheduleSetAt(sourceId, new Date("2030-01-15T09:30:00+01:00"));

    const afternoon = reportFor(await tick("2030-01-15T14:05:00+01:00"), sourceId);
    expect(afternoon).toMatchObject({
      outcome: "waiting",
      occurrence: new Date("2030-01-15T14:00:00+01:00"),
      waitingForWindowUntil: new Date("2030-01-15T23:00:00+01:00"),
      nextRunAt: new Date("2030-01-15T23:00:00+01:00"),
      reason: "outside the allowed hours (23:00 to 07:00, Europe/Amsterdam); waiting for the window to open",
    });
    expect(await importsOf(sourceId)).toEqual([]);
    expect(reportFor(await tick("2030-01-15T22:59:00+01:00"), sourceId)).toMatchObject({ outcome: "waiting" });

    // Two workers ticking at the same moment start one import between them.
    const ticks = await Promise.all([tick("2030-01-15T23:01:00+01:00"), tick("2030-01-15T23:01:00+01:00")]);
    expect(ticks.map((result) => reportFor(result, sourceId).outcome).filter((outcome) => outcome === "started")).toHaveLength(1);
    const imports = await importsOf(sourceId);
    expect(imports).toHaveLength(1);
    const started = imports[0]!;
    expect(started).toMatchObject({ tenantId, trigger: "schedule", status: "queued", uploadIds: [], createdAt: new Date("2030-01-15T23:01:00+01:00") });
    const job = await queuedJob(started.id);
    expect(job?.name).toBe("import.run");
    expect(job?.data).toEqual({ tenantId, importId: started.id });
    expect(await job?.getState()).toBe("waiting");
    const audit = await api.ownerPrisma.auditEntry.findFirst({ where: { tenantId, action: "import.start", targetId: started.id } });
    expect(audit?.after).toMatchObject({ trigger: "schedule", occurrence: "2030-01-15T22:00:00.000Z" });

    // The same occurrence a minute later: already ran.
    expect(reportFor(await tick("2030-01-15T23:02:00+01:00"), sourceId)).toMatchObject({
      outcome: "idle",
      nextRunAt: new Date("2030-01-16T00:00:00+01:00"),
      waitingForWindowUntil: null,
    });
    expect(await importsOf(sourceId)).toHaveLength(1);

    // Even once that import has finished, starting the same occurrence again adds nothing: its
    // import id is derived from the source and the occurrence.
    await api.ownerPrisma.import.update({ where: { id: started.id }, data: { status: "completed" } });
    const again = await startScheduledImport(
      { prisma, producer },
      { tenantId: asTenantId(tenantId), sourceSystemId: sourceId, occurrence: new Date("2030-01-15T23:00:00+01:00"), due: new Date("2030-01-15T23:00:00+01:00"), now: new Date("2030-01-15T23:03:00+01:00") },
    );
    expect(again).toEqual({ status: "already-started", importId: started.id });
    expect(await importsOf(sourceId)).toHaveLength(1);
  });

  it("runs a source without allowed hours at its cron time plus its jitter", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const sourceId = await createCsvSource(client, { cron: "0 * * * *", jitterSeconds: 900 }, { url: `${filesUrl}/students.csv` });
    await scheduleSetAt(sourceId, new Date("2030-02-12T09:40:00+01:00"));
    const jitter = jitterFor(sourceId, 900);
    const tenOClock = new Date("2030-02-12T10:00:00+01:00");
    const afterTen = (seconds: number) => new Date(tenOClock.getTime() + (jitter + seconds) * 1000);

    // 09:00 plus the jitter had passed before the schedule was set; 10:00 plus the jitter has not come yet.
    expect(reportFor(await tick(afterTen(-1)), sourceId)).toMatchObject({ outcome: "idle", nextRunAt: afterTen(0) });
    expect(await importsOf(sourceId)).toEqual([]);

    const due = reportFor(await tick(afterTen(0)), sourceId);
    expect(due).toMatchObject({ outcome: "started", occurrence: tenOClock, due: afterTen(0), nextRunAt: afterTen(3600) });
    const imports = await importsOf(sourceId);
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ trigger: "schedule", createdAt: afterTen(0) });
    expect(await queuedJob(imports[0]!.id)).toBeTruthy();

    expect(reportFor(await tick(afterTen(60)), sourceId)).toMatchObject({ outcome: "idle" });
    expect(await importsOf(sourceId)).toHaveLength(1);
  });

  it("skips a CSV source with nothing to import, and imports files uploaded before the occurrence", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const sourceId = await createCsvSource(client, { cron: "0 2 * * *" });
    await scheduleSetAt(sourceId, new Date("2030-03-05T12:00:00+01:00"));

    const noFile = reportFor(await tick("2030-03-06T02:00:30+01:00"), sourceId);
    expect(noFile).toMatchObject({ outcome: "skipped", occurrence: new Date("2030-03-06T02:00:00+01:00") });
    expect(noFile.reason).toMatch(/^no persons file has been uploaded and the CSV settings have no URL for it \(persons.url\)/);

    const upload = await client.request("PUT", `/api/v1/source-systems/${sourceId}/uploads/persons`, { rawBody: studentsCsv, headers: { "content-type": "text/csv", "x-file-name": "leerlingen.csv" } });
    expect(upload.status, upload.text).toBe(200);
    const uploadRow = await api.ownerPrisma.sourceUpload.findFirstOrThrow({ where: { sourceSystemId: sourceId } });
    await api.ownerPrisma.sourceUpload.update({ where: { id: uploadRow.id }, data: { createdAt: new Date("2030-03-06T12:00:00+01:00") } });

    // Uploaded after this night's occurrence: it waits for the next night rather than importing at noon.
    expect(reportFor(await tick("2030-03-06T12:01:00+01:00"), sourceId)).toMatchObject({ outcome: "skipped" });
    expect(await importsOf(sourceId)).toEqual([]);

    expect(reportFor(await tick("2030-03-07T02:00:30+01:00"), sourceId)).toMatchObject({ outcome: "started" });
    const [first] = await importsOf(sourceId);
    expect(first).toMatchObject({ trigger: "schedule", status: "queued", uploadIds: [uploadRow.id] });

    // The next night the import is still queued: the schedule does not pile a second one on it.
    const busy = reportFor(await tick("2030-03-08T02:00:30+01:00"), sourceId);
    expect(busy).toMatchObject({ outcome: "skipped" });
    expect(busy.reason).toMatch(new RegExp(`already queued \\(${first!.id}\\)`));

    await api.ownerPrisma.import.update({ where: { id: first!.id }, data: { status: "completed", finishedAt: new Date("2030-03-07T02:05:00+01:00") } });
    const stale = reportFor(await tick("2030-03-08T02:01:30+01:00"), sourceId);
    expect(stale).toMatchObject({ outcome: "skipped" });
    expect(stale.reason).toMatch(/^nothing new to import/);
    expect(await importsOf(sourceId)).toHaveLength(1);
  });

  it("reports a schedule that cannot be used instead of running it at a wrong time", async () => {
    // The API refuses such schedules; these stand for data stored before that check (or by
    // hand), so they are written behind the API's back.
    const { client } = await api.createTenantWithMember("owner");
    const badZone = await createCsvSource(client, { cron: "0 * * * *" }, { url: `${filesUrl}/students.csv` });
    const badCron = await createCsvSource(client, { cron: "0 * * * *" }, { url: `${filesUrl}/students.csv` });
    await api.ownerPrisma.sourceSystem.update({ where: { id: badZone }, data: { schedule: { cron: "0 * * * *", timeZone: "Europe/Atlantis", jitterSeconds: 0 } } });
    await api.ownerPrisma.sourceSystem.update({ where: { id: badCron }, data: { schedule: { cron: "61 * * * *", timeZone: "Europe/Amsterdam", jitterSeconds: 0 } } });
    const result = await tick("2030-04-01T12:00:00+02:00");
    expect(reportFor(result, badZone)).toMatchObject({ outcome: "skipped", reason: expect.stringMatching(/timeZone is not a time zone this server knows/) });
    expect(reportFor(result, badCron)).toMatchObject({ outcome: "skipped", reason: expect.stringMatching(/^the cron expression '61 \* \* \* \*' cannot be used/) });
  });

  it("the worker ticks through the job and the started import runs to completion", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const sourceId = await createCsvSource(client, { cron: "30 3 * * *", allowedHours: { from: 1, to: 5 } }, { url: `${filesUrl}/students.csv` });
    await scheduleSetAt(sourceId, new Date("2030-05-01T12:00:00+02:00"));
    const worker = await startTestWorker(api);
    try {
      const tickJob = await producer.enqueue("import.schedule-due", { at: "2030-05-02T01:30:00.000Z" }); // 03:30 summer time
      const returned = await waitFor("the tick", async () => {
        const job = await Job.fromId(producer.queue("schedule"), tickJob.id!);
        return job?.finishedOn ? job : undefined;
      });
      expect(returned.failedReason).toBeUndefined();
      expect(returned.returnvalue.sources).toEqual(expect.arrayContaining([expect.objectContaining({ sourceSystemId: sourceId, outcome: "started" })]));
      const done = await waitFor("the scheduled import", async () => {
        const [row] = await importsOf(sourceId);
        return row && !["queued", "running"].includes(row.status) ? row : undefined;
      });
      expect(done).toMatchObject({ trigger: "schedule", status: "completed", counts: expect.objectContaining({ fetched: 2, mapped: 2 }) });
    } finally {
      await worker.close();
    }
  });
});
