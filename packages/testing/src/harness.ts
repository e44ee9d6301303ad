// The test API with a worker on it, and the HTTP steps of an import. Moved here from the worker's
// test support so the factories and the apps' tests share one copy (apps/worker/test/support.ts
// re-exports them).
import { afterAll, beforeAll } from "vitest";
import { startTestApi, type TestApi, type TestClient } from "@idlife/api/testing";
import { createWorker, loadWorkerConfig } from "@idlife/worker";

export type TestWorker = Awaited<ReturnType<typeof createWorker>>;

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
export function startTestWorker(api: TestApi, env: Record<string, string> = {}): Promise<TestWorker> {
  return createWorker(loadWorkerConfig(testWorkerEnv(api, env)));
}

/**
 * The test API and a worker on it for the tests of one file (started before them, stopped after
 * them). Read `stack.api` inside tests and hooks, not at module level.
 */
export function useApiWithWorker(env: Record<string, string> = {}) {
  const stack = {} as { api: TestApi; worker: TestWorker };
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

/** Probes until it answers something (for work the worker does in the background). */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
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

/** Uploads a CSV file (text, or bytes in another encoding) for a source system, as the persons file unless told otherwise. */
export async function uploadCsv(client: TestClient, sourceId: string, content: string | Uint8Array<ArrayBuffer>, role = "persons") {
  const rawBody = content;
  const upload = await client.request("PUT", `/api/v1/source-systems/${sourceId}/uploads/${role}`, { rawBody, headers: { "content-type": "text/csv", "x-file-name": `${role}.csv` } });
  if (upload.status !== 200) throw new Error(`upload failed: ${upload.status} ${upload.text}`);
}
