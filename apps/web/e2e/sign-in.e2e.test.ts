import { startTestStack } from "@idlife/api/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser } from "./browser.ts";

type TestStack = Awaited<ReturnType<typeof startTestStack>>;

const navigationLinks = [
  "Dashboard",
  "Source systems",
  "Persons",
  "Business rules",
  "Target systems",
  "Notifications",
  "Forms",
  "Audit log",
  "Settings",
];

describe("signing in to the admin portal", () => {
  let stack: TestStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // The API serves the built portal (apps/web/dist) at "/", so this runs what ships.
    stack = await startTestStack();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  beforeEach(async () => {
    // A fresh context per test: no cookies or storage carried over between tests.
    context = await browser.newContext({ baseURL: stack.baseUrl });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  async function signIn(email: string, password: string) {
    await page.goto("/");
    await page.waitForURL("**/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  it("shows the shell for the seeded owner, records the sign-in and signs out", async () => {
    const { ownerEmail, ownerPassword, tenantSlug, tenantName } = stack.seed;

    await signIn(ownerEmail, ownerPassword);

    await page.waitForURL(`**/t/${tenantSlug}/dashboard`);
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    const tenantSwitcher = page.getByLabel("Tenant");
    expect(await tenantSwitcher.locator("option:checked").textContent()).toBe(tenantName);
    expect(await page.getByRole("main").getByText(tenantName, { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("main").getByText("Owner", { exact: true }).count()).toBeGreaterThan(0);

    const navigation = page.getByRole("navigation", { name: "Main" });
    expect(await navigation.getByRole("link").allTextContents()).toEqual(navigationLinks);

    await navigation.getByRole("link", { name: "Audit log" }).click();
    await page.waitForURL(`**/t/${tenantSlug}/audit-log`);
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    const rows = page.getByRole("table").getByRole("row");
    await rows.nth(1).waitFor();
    // The action name is the API's to choose (auth.sign_in, user.signed_in, ...); any sign-in will do.
    const actions = await page.getByRole("table").locator("tbody tr td:nth-child(3)").allTextContents();
    expect(actions.some((action) => /sign[-_. ]?in/i.test(action))).toBe(true);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();

    // The session is really gone: a tenant page sends us back to sign in.
    await page.goto(`/t/${tenantSlug}/dashboard`);
    await page.waitForURL("**/sign-in");
  });

  it("shows the API's message for a wrong password and stays on the sign-in page", async () => {
    const { ownerEmail } = stack.seed;
    const expected = await signInErrorMessage(stack.baseUrl, ownerEmail, "not the right password");

    await signIn(ownerEmail, "not the right password either");

    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain(expected);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(await page.getByRole("navigation", { name: "Main" }).count()).toBe(0);
  });
});

/** Asks the API itself what a wrong password answers, so the test checks the page shows exactly that. */
async function signInErrorMessage(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(new URL("/api/v1/auth/sign-in", baseUrl), {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Requested-With": "idlife" },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(401);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("invalid_credentials");
  return body.error.message;
}
