import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { createRedisConnection, JobProducer } from "@idlife/jobs";
import { startTestApi, type TestApi, type TestClient } from "@idlife/api/testing";
import { createWorker, loadWorkerConfig } from "../src/index.ts";

export { hashPassword as hashPasswordForTests } from "../../api/src/modules/auth/passwords.ts";

/** The environment of a worker on the test API's database and queue prefix, schedules off. */
export function testWorkerEnv(api: TestApi, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "test",
    DATABASE_URL: api.database.ownerUrl,
    APP_DATABASE_URL: api.database.appUrl,
    QUEUE_PREFIX: api.queuePrefix,
    SCHEDULES_ENABLED: "false",
    // The tests' HTTP peers listen on this machine.
    CONNECTOR_PRIVATE_NETWORKS: "allow",
    ...env,
  };
}

/** A worker (in this process) on the test API's database and queue prefix, schedules off. */
export function startTestWorker(api: TestApi, env: Record<string, string> = {}) {
  return createWorker(loadWorkerConfig(testWorkerEnv(api, env)));
}

/**
 * The test API and a worker on it for the tests of one file (started before them, stopped after
 * them). Read `stack.api` inside tests and hooks, not at module level.
 */
export function useApiWithWorker(env: Record<string, string> = {}) {
  const stack = {} as { api: TestApi; worker: Awaited<ReturnType<typeof createWorker>> };
  beforeAll(async () => {
    stack.api = await startTestApi();
    stack.worker = await startTestWorker(stack.api, env);
  });
  afterAll(async () => {
    await stack.worker?.close();
    await stack.api?.close();
  });
  return stack;
}

/** Polls an import until it is no longer queued or running, and returns it. */
export async function waitForImport(client: TestClient, importId: string) {
  for (let attempt = 0; attempt < 600; attempt++) {
    const run = (await client.get(`/api/v1/imports/${importId}`)).body;
    if (!["queued", "running"].includes(run.status)) return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import ${importId} did not finish`);
}

/** Starts an import of a source system now and waits for its outcome. */
export async function importNow(client: TestClient, sourceId: string) {
  const started = await client.post(`/api/v1/source-systems/${sourceId}/imports`, {});
  if (started.status !== 202) throw new Error(`import did not start: ${started.status} ${started.text}`);
  return waitForImport(client, started.body.id);
}

/** Uploads a CSV file for a source system (as the persons file unless told otherwise). */
export async function uploadCsv(client: TestClient, sourceId: string, content: string, role = "persons") {
  const upload = await client.request("PUT", `/api/v1/source-systems/${sourceId}/uploads/${role}`, { rawBody: content, headers: { "content-type": "text/csv", "x-file-name": `${role}.csv` } });
  if (upload.status !== 200) throw new Error(`upload failed: ${upload.status} ${upload.text}`);
}

/** The worker as its own process (`src/main.ts`), to be killed like a crashed one. */
export function startWorkerChild(env: NodeJS.ProcessEnv): ChildProcess {
  const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
  // cwd: tsx reads the package's tsconfig.json (decorators) from the working directory.
  const cwd = fileURLToPath(new URL("..", import.meta.url));
  const child = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", main], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", () => {});
  child.stderr!.on("data", (chunk) => process.stderr.write(chunk));
  return child;
}

/**
 * The test API and a producer on its queues (no worker: tests start their own), for the tests of
 * one file. Read `stack.api` and `stack.producer` inside tests and hooks.
 */
export function useApiWithProducer() {
  const stack = {} as { api: TestApi; producer: JobProducer; redis: ReturnType<typeof createRedisConnection> };
  beforeAll(async () => {
    stack.api = await startTestApi();
    stack.redis = createRedisConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
    stack.producer = new JobProducer(stack.redis, { redisUrl: "", prefix: stack.api.queuePrefix });
  });
  afterAll(async () => {
    await stack.producer?.close();
    stack.redis?.disconnect();
    await stack.api?.close();
  });
  return stack;
}
