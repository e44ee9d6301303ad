import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

/**
 * Launches the system's Chromium (Debian's package), not a browser Playwright downloads: the test
 * machines have no internet besides the npm registry.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: run scripts/setup.sh or apt-get install chromium`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Signs in through the portal's sign-in page (the caller waits for where it should land). */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/");
  await page.waitForURL("**/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
