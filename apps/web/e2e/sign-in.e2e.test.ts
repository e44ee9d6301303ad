import { describe, expect, it } from "vitest";
import { signIn as signInThroughPortal } from "./browser.ts";
import { usePortal } from "./portal.ts";

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
  const portal = usePortal();

  const signIn = (email: string, password: string) => signInThroughPortal(portal.page, email, password);

  it("shows the shell for the seeded owner, records the sign-in and signs out", async () => {
    const { ownerEmail, ownerPassword, tenantSlug, tenantName } = portal.stack.seed;

    await signIn(ownerEmail, ownerPassword);

    await portal.page.waitForURL(`**/t/${tenantSlug}/dashboard`);
    await portal.page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    const tenantSwitcher = portal.page.getByLabel("Tenant");
    expect(await tenantSwitcher.locator("option:checked").textContent()).toBe(tenantName);
    expect(await portal.page.getByRole("main").getByText(tenantName, { exact: true }).count()).toBeGreaterThan(0);
    expect(await portal.page.getByRole("main").getByText("Owner", { exact: true }).count()).toBeGreaterThan(0);

    const navigation = portal.page.getByRole("navigation", { name: "Main" });
    expect(await navigation.getByRole("link").allTextContents()).toEqual(navigationLinks);

    await navigation.getByRole("link", { name: "Audit log" }).click();
    await portal.page.waitForURL(`**/t/${tenantSlug}/audit-log`);
    await portal.page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    const rows = portal.page.getByRole("table").getByRole("row");
    await rows.nth(1).waitFor();
    // The action name is the API's to choose (auth.sign_in, user.signed_in, ...); any sign-in will do.
    const actions = await portal.page.getByRole("table").locator("tbody tr td:nth-child(3)").allTextContents();
    expect(actions.some((action) => /sign[-_. ]?in/i.test(action))).toBe(true);

    await portal.page.getByRole("button", { name: "Sign out" }).click();
    await portal.page.waitForURL("**/sign-in");
    await portal.page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();

    // The session is really gone: a tenant page sends us back to sign in.
    const page = await portal.page.goto(`/t/${tenantSlug}/dashboard`);
    await portal.page.waitForURL("**/sign-in");

    // Everything above ran under the portal's hardening headers (usePortal fails on a CSP violation).
    const headers = page!.headers();
    expect(headers["content-security-policy"]).toContain("script-src 'self'");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
  });

  it("shows the API's message for a wrong password and stays on the sign-in page", async () => {
    const { ownerEmail } = portal.stack.seed;
    const expected = await signInErrorMessage(portal.stack.baseUrl, ownerEmail, "not the right password");

    await signIn(ownerEmail, "not the right password either");

    const alert = portal.page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain(expected);
    expect(new URL(portal.page.url()).pathname).toBe("/sign-in");
    expect(await portal.page.getByRole("navigation", { name: "Main" }).count()).toBe(0);
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
