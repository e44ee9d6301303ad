import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
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
    const headers = { "content-type": "application/json", "x-requested-with": "idlife" };
    const signedIn = await fetch(`${baseUrl}/api/v1/auth/sign-in`, { method: "POST", headers, body: JSON.stringify({ email: adminEmail, password: adminPassword }) });
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.getSetCookie()[0]!.split(";")[0]!;
    const enqueued = await fetch(`${baseUrl}/api/v1/platform/maintenance/cleanup`, { method: "POST", headers: { ...headers, cookie } });
    expect(enqueued.status).toBe(202);
    const { queue, jobId } = (await enqueued.json()) as { queue: string; jobId: string };
    let state = "";
    for (let attempt = 0; attempt < 150 && state !== "completed"; attempt++) {
      const job = await fetch(`${baseUrl}/api/v1/platform/jobs/${queue}/${jobId}`, { headers: { cookie } });
      state = ((await job.json()) as { state: string }).state;
      if (state !== "completed") await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(state).toBe("completed");
  });
});
