import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestStack } from "@idlife/api/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { startTestWorker, type TestWorker } from "@idlife/testing";
import { launchBrowser, signIn } from "./browser.ts";

/** What a browser test file shares: the API serving the built portal, one browser and, when asked for, the worker. */
export interface TestEnvironment {
  stack: Awaited<ReturnType<typeof startTestStack>>;
  browser: Browser;
  /** Only with `{ worker: true }`: imports and snapshots run on it, as in production. */
  worker: TestWorker | undefined;
}

export interface Portal extends TestEnvironment {
  context: BrowserContext;
  page: Page;
  /** What the browser refused under the API's Content-Security-Policy; each test ends with none. */
  cspViolations: string[];
}

/**
 * Registers the file-level hooks of a browser test: the API serving the built portal
 * (apps/web/dist) on a fresh seeded database, one browser and, with `worker`, the worker (no
 * schedules, so a test decides what runs). The returned object is filled in by those hooks.
 */
export function useTestEnvironment(options: { worker?: boolean } = {}): TestEnvironment {
  const environment = {} as TestEnvironment;
  beforeAll(async () => {
    environment.stack = await startTestStack();
    if (options.worker) environment.worker = await startTestWorker(environment.stack.api);
    environment.browser = await launchBrowser();
  });
  afterAll(async () => {
    await environment.browser?.close();
    await environment.worker?.close();
    await environment.stack?.close();
  });
  return environment;
}

/**
 * useTestEnvironment, plus a fresh context (no cookies or storage) and page per test, which fails
 * on any Content-Security-Policy violation.
 */
export function usePortal(options: { worker?: boolean } = {}): Portal {
  const portal = useTestEnvironment(options) as Portal;
  beforeEach(async () => {
    portal.context = await portal.browser.newContext({ baseURL: portal.stack.baseUrl });
    portal.page = await portal.context.newPage();
    portal.cspViolations = [];
    portal.page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) portal.cspViolations.push(message.text());
    });
  });
  afterEach(async () => {
    await portal.context?.close();
    // The portal must work under its own policy: a refused script or style is a broken page.
    expect(portal.cspViolations ?? []).toEqual([]);
  });
  return portal;
}

/** Signs the page in as the seeded tenant's owner and waits for their dashboard. */
export async function signInAsSeededOwner({ page, stack }: Portal) {
  await signIn(page, stack.seed.ownerEmail, stack.seed.ownerPassword);
  await page.waitForURL(`**/t/${stack.seed.tenantSlug}/dashboard`);
}

/** A fresh folder for the files a test file uploads (`fill` writes them), made before its tests and removed after. */
export function useTempDir(prefix: string, fill?: (dir: string) => Promise<void>): { path: string } {
  const dir = { path: "" };
  beforeAll(async () => {
    dir.path = await mkdtemp(join(tmpdir(), prefix));
    await fill?.(dir.path);
  });
  afterAll(async () => {
    if (dir.path) await rm(dir.path, { recursive: true, force: true });
  });
  return dir;
}
