import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { createRedisConnection, JobProducer } from "@idlife/jobs";
import { startTestApi, type TestApi } from "@idlife/api/testing";

// The API-with-worker harness and the import steps live in @idlife/testing (with the factories).
export { importNow, startTestWorker, testWorkerEnv, uploadCsv, useApiWithWorker, waitFor, waitForImport } from "@idlife/testing";

export { hashPassword as hashPasswordForTests } from "@idlife/use-cases";

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
