import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveDatabaseUrls, withDatabaseName } from "@idlife/db";
import { launchBrowser, signIn } from "./browser.ts";

// The README's first command, run as a newcomer would: on an empty database it migrates, seeds
// the demo tenant, starts the API (serving the portal) and the worker, and prints the sign-in.
// Install and build are skipped (IDLIFE_SKIP_SETUP): the test command has just done both.

const root = fileURLToPath(new URL("../../..", import.meta.url));
const databaseName = `idlife_quickstart_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const { ownerUrl } = resolveDatabaseUrls();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

// start.sh writes the API's and the worker's process ids here.
const runDir = mkdtempSync(join(tmpdir(), "idlife-quickstart-run-"));
const pidOf = (name: "api" | "worker") => Number(readFileSync(join(runDir, `${name}.pid`), "utf8").trim());
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let start: ChildProcess;
let output = "";
let browser: Browser;
let port: number;

async function waitForOutput(pattern: RegExp, timeoutMs = 120_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = output.match(pattern);
    if (match) return match;
    if (start.exitCode !== null) throw new Error(`start.sh exited with ${start.exitCode}:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`start.sh did not print ${pattern} in time:\n${output}`);
}

beforeAll(async () => {
  port = await freePort();
  start = spawn("bash", ["scripts/start.sh"], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      IDLIFE_SKIP_SETUP: "1",
      DATABASE_URL: withDatabaseName(ownerUrl, databaseName),
      APP_DATABASE_URL: "",
      PORT: String(port),
      QUEUE_PREFIX: `idlife-quickstart-${process.pid}`,
      NODE_ENV: "development",
      IDLIFE_RUN_DIR: runDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  start.stdout!.on("data", (chunk) => (output += chunk));
  start.stderr!.on("data", (chunk) => (output += chunk));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (start?.pid && start.exitCode === null) {
    const exited = new Promise((resolve) => start.once("exit", resolve));
    process.kill(-start.pid, "SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (start.exitCode === null) process.kill(-start.pid, "SIGKILL");
  }
  const admin = new pg.Client({ connectionString: withDatabaseName(ownerUrl, "postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(databaseName)} WITH (FORCE)`);
  await admin.end();
  rmSync(runDir, { recursive: true, force: true });
}, 60_000);

describe("quick start (scripts/start.sh)", () => {
  it("gives a running API, worker and portal with the demo tenant and prints the sign-in", async () => {
    await waitForOutput(/idlife is running\./);
    const [, ownerEmail, ownerPassword] = await waitForOutput(/Owner sign-in:\s+(\S+) \/ (\S+)/);
    const [, adminEmail, adminPassword] = await waitForOutput(/Platform admin:\s+(\S+) \/ (\S+)/);
    expect(output).toContain(`http://localhost:${port}/api/docs`);
    const baseUrl = `http://127.0.0.1:${port}`;

    // The portal: sign in with what the script printed.
    const context = await browser.newContext({ baseURL: baseUrl });
    const page = await context.newPage();
    await signIn(page, ownerEmail!, ownerPassword!);
    await page.waitForURL("**/t/demo/dashboard");
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    await context.close();

    // The worker: a job enqueued through the API is processed.
    await expectWorkerToProcessAJob(baseUrl, adminEmail!, adminPassword!);
  });

  it("restarts the worker and the API when they crash, and stopping start.sh stops both", async () => {
    const [, adminEmail, adminPassword] = await waitForOutput(/Platform admin:\s+(\S+) \/ (\S+)/);
    const baseUrl = `http://127.0.0.1:${port}`;

    const worker = pidOf("worker");
    process.kill(worker, "SIGKILL");
    await waitForOutput(/The worker stopped unexpectedly \(exit status 137\); restarting it/);
    await expectWorkerToProcessAJob(baseUrl, adminEmail!, adminPassword!);
    expect(pidOf("worker")).not.toBe(worker);

    const api = pidOf("api");
    process.kill(api, "SIGKILL");
    await waitForOutput(/The api stopped unexpectedly \(exit status 137\); restarting it/);
    let health = 0;
    for (let attempt = 0; attempt < 300 && health !== 200; attempt++) {
      health = await fetch(`${baseUrl}/api/v1/health`).then((response) => response.status, () => 0);
      if (health !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(health).toBe(200);
    expect(pidOf("api")).not.toBe(api);

    // Ctrl-C (here SIGTERM to start.sh alone) stops the API and the worker and nothing restarts them.
    const children = [pidOf("api"), pidOf("worker")];
    const exited = new Promise((resolve) => start.once("exit", resolve));
    process.kill(start.pid!, "SIGTERM");
    await exited;
    for (let attempt = 0; attempt < 100 && children.some(isAlive); attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(children.filter(isAlive)).toEqual([]);
    expect(pidOf("api")).toBe(children[0]);
    expect(pidOf("worker")).toBe(children[1]);
  }, 180_000);
});

/** Signs in as the platform administrator and has the worker run a cleanup job to completion. */
async function expectWorkerToProcessAJob(baseUrl: string, email: string, password: string) {
  const headers = { "content-type": "application/json", "x-requested-with": "idlife" };
  const signedIn = await fetch(`${baseUrl}/api/v1/auth/sign-in`, { method: "POST", headers, body: JSON.stringify({ email, password }) });
  expect(signedIn.status).toBe(200);
  const cookie = signedIn.headers.getSetCookie()[0]!.split(";")[0]!;
  const enqueued = await fetch(`${baseUrl}/api/v1/platform/maintenance/cleanup`, { method: "POST", headers: { ...headers, cookie } });
  expect(enqueued.status).toBe(202);
  const { queue, jobId } = (await enqueued.json()) as { queue: string; jobId: string };
  let state = "";
  // A worker that was just restarted takes a few seconds to start.
  for (let attempt = 0; attempt < 300 && state !== "completed"; attempt++) {
    const job = await fetch(`${baseUrl}/api/v1/platform/jobs/${queue}/${jobId}`, { headers: { cookie } });
    state = ((await job.json()) as { state: string }).state;
    if (state !== "completed") await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(state).toBe("completed");
}
