import { startTestStack } from "@idlife/api/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { launchBrowser } from "./browser.ts";

export interface Portal {
  stack: Awaited<ReturnType<typeof startTestStack>>;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * Registers the hooks of a browser test file: the API serving the built portal (apps/web/dist)
 * on a fresh seeded database, one browser for the file, and a fresh context (no cookies or
 * storage) and page per test. The returned object is filled in by those hooks.
 */
export function usePortal(): Portal {
  const portal = {} as Portal;
  beforeAll(async () => {
    portal.stack = await startTestStack();
    portal.browser = await launchBrowser();
  });
  afterAll(async () => {
    await portal.browser?.close();
    await portal.stack?.close();
  });
  beforeEach(async () => {
    portal.context = await portal.browser.newContext({ baseURL: portal.stack.baseUrl });
    portal.page = await portal.context.newPage();
  });
  afterEach(async () => {
    await portal.context?.close();
  });
  return portal;
}
