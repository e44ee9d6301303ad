import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn as signInThroughPortal } from "./browser.ts";
import { usePortal } from "./portal.ts";

describe("working across tenants in the admin portal", () => {
  const portal = usePortal();

  /** Signs in as the seeded demo owner and waits for the first tenant's dashboard. */
  async function signInAsDemoOwner() {
    const { ownerEmail, ownerPassword, tenantSlug } = portal.stack.seed;
    await signInThroughPortal(portal.page, ownerEmail, ownerPassword);
    // Memberships come sorted by tenant name; "Demo School Board" sorts before "Tenant …".
    await portal.page.waitForURL(`**/t/${tenantSlug}/dashboard`);
    await portal.page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
  }

  function tenantSwitcher(): Locator {
    return portal.page.getByRole("combobox", { name: "Tenant", exact: true });
  }

  async function openArea(name: string, path: string) {
    await portal.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
    await portal.page.waitForURL(path);
    await portal.page.getByRole("heading", { level: 1, name }).waitFor();
  }

  it("switches to a second tenant in the same area, as an operator without the API keys panel", async () => {
    const { ownerEmail, tenantSlug, tenantName } = portal.stack.seed;

    // A second tenant, with the demo owner added as an operator.
    const second = await portal.stack.api.createTenantWithMember();
    const secondTenant = await portal.stack.api.ownerPrisma.tenant.findUniqueOrThrow({ where: { id: second.tenantId } });
    const demoOwner = await portal.stack.api.ownerPrisma.user.findUniqueOrThrow({ where: { email: ownerEmail } });
    await portal.stack.api.ownerPrisma.membership.create({
      data: { tenantId: second.tenantId, userId: demoOwner.id, role: "operator" },
    });

    await signInAsDemoOwner();
    await openArea("Settings", `**/t/${tenantSlug}/settings`);

    // The switcher offers both tenants, the demo tenant selected.
    expect(await tenantSwitcher().locator("option").allTextContents()).toEqual([tenantName, secondTenant.name]);
    expect(await tenantSwitcher().locator("option:checked").textContent()).toBe(tenantName);
    // As the owner of the demo tenant, the API keys panel is there.
    await portal.page.getByRole("region", { name: "API keys" }).waitFor();
    await portal.page.getByRole("banner").getByText(`Owner · ${ownerEmail}`, { exact: true }).waitFor();

    await tenantSwitcher().selectOption({ label: secondTenant.name });

    // Same area, other tenant.
    await portal.page.waitForURL(`**/t/${second.slug}/settings`);
    expect(new URL(portal.page.url()).pathname).toBe(`/t/${second.slug}/settings`);
    // The heading was already there before the switch (same area), so wait for the page title,
    // which names the tenant, before reading the rest of the page.
    await expect.poll(() => portal.page.title()).toBe(`Settings · ${secondTenant.name} · idlife`);
    await portal.page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    await expect.poll(() => tenantSwitcher().locator("option:checked").textContent()).toBe(secondTenant.name);

    // The shell shows the role the person has in this tenant.
    const banner = portal.page.getByRole("banner");
    await banner.getByText(`Operator · ${ownerEmail}`, { exact: true }).waitFor();
    expect(await banner.getByText(`Owner · ${ownerEmail}`).count()).toBe(0);

    // The page shows the second tenant's data, loaded for that tenant.
    const details = portal.page.getByRole("region", { name: "Tenant", exact: true });
    await details.getByText(secondTenant.name, { exact: true }).waitFor();
    await details.getByText(second.slug, { exact: true }).waitFor();
    const members = portal.page.getByRole("region", { name: "Members" });
    const demoOwnerRow = members.getByRole("row").filter({ hasText: ownerEmail });
    await demoOwnerRow.waitFor();
    expect(await demoOwnerRow.getByRole("cell").nth(2).textContent()).toBe("Operator");
    await members.getByRole("row").filter({ hasText: second.email }).waitFor();

    // Operators may not administer: no API keys panel, no way to create one.
    expect(await portal.page.getByRole("region", { name: "API keys" }).count()).toBe(0);
    expect(await portal.page.getByRole("button", { name: "Create API key" }).count()).toBe(0);
    expect(await portal.page.getByRole("alert").count()).toBe(0);

    // The dashboard of the second tenant agrees.
    await openArea("Dashboard", `**/t/${second.slug}/dashboard`);
    const main = portal.page.getByRole("main");
    await main.getByText(secondTenant.name, { exact: true }).waitFor();
    await main.getByText("Operator", { exact: true }).waitFor();

    // And back: the demo tenant, where the person is the owner again.
    await tenantSwitcher().selectOption({ label: tenantName });
    await portal.page.waitForURL(`**/t/${tenantSlug}/dashboard`);
    await main.getByText(tenantName, { exact: true }).waitFor();
    await main.getByText("Owner", { exact: true }).waitFor();
    await banner.getByText(`Owner · ${ownerEmail}`, { exact: true }).waitFor();
  });

  it("creates an API key, shows its secret only once, and revokes it", async () => {
    const { tenantSlug } = portal.stack.seed;
    const keyName = "HR sync script";

    await signInAsDemoOwner();
    await openArea("Settings", `**/t/${tenantSlug}/settings`);

    const apiKeysPanel = portal.page.getByRole("region", { name: "API keys" });
    const form = apiKeysPanel.getByRole("form", { name: "Create API key" });
    await form.getByLabel("Name").fill(keyName);
    // "Read" is ticked by default; add "Write".
    expect(await form.getByRole("checkbox", { name: /^Read/ }).isChecked()).toBe(true);
    await form.getByRole("checkbox", { name: /^Write/ }).check();
    await form.getByRole("button", { name: "Create API key" }).click();

    // The secret is shown right after creating the key.
    await apiKeysPanel.getByText(`API key “${keyName}” created`).waitFor();
    const secretField = apiKeysPanel.getByLabel("Secret");
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^idl_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    const prefix = secret.split("_")[1]!;

    const keyRow = apiKeysPanel.getByRole("row").filter({ hasText: keyName });
    await keyRow.waitFor();
    expect(await keyRow.getByRole("cell").nth(1).textContent()).toBe(`${prefix}…`);
    expect(await keyRow.getByRole("cell").nth(2).textContent()).toBe("read, write");

    // After a reload the secret is gone for good; only the prefix remains.
    await portal.page.reload();
    await portal.page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    await keyRow.waitFor();
    expect(await keyRow.getByRole("cell").nth(1).textContent()).toBe(`${prefix}…`);
    expect(await portal.page.getByLabel("Secret").count()).toBe(0);
    expect(await portal.page.content()).not.toContain(secret);
    const storage = await portal.page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(storage).not.toContain(secret);
    // The form is back, ready for another key.
    await apiKeysPanel.getByRole("form", { name: "Create API key" }).waitFor();

    // The secret works against the API, for this tenant.
    const before = await getTenantWithKey(portal.stack.baseUrl, secret);
    expect(before.status).toBe(200);
    expect((before.body as { slug: string }).slug).toBe(tenantSlug);

    // Revoking asks for a confirmation first.
    await keyRow.getByRole("button", { name: `Revoke ${keyName}` }).click();
    const confirm = keyRow.getByRole("button", { name: `Yes, revoke ${keyName}` });
    await confirm.waitFor();
    const stillWorks = await getTenantWithKey(portal.stack.baseUrl, secret);
    expect(stillWorks.status).toBe(200);
    await confirm.click();
    await keyRow.getByText("Revoked", { exact: true }).waitFor();
    expect(await keyRow.getByRole("button").count()).toBe(0);
    expect(await portal.page.getByRole("alert").count()).toBe(0);

    // From now on the API refuses the key.
    const after = await getTenantWithKey(portal.stack.baseUrl, secret);
    expect(after.status).toBe(401);
  });

  it("shows “Tenant not found” for a tenant slug the person has no access to", async () => {
    const { tenantSlug, tenantName } = portal.stack.seed;
    // A tenant that exists but the demo owner is no member of looks the same as one that does not exist.
    const stranger = await portal.stack.api.createTenantWithMember();

    await signInAsDemoOwner();

    for (const slug of ["no-such-tenant", stranger.slug]) {
      await portal.page.goto(`/t/${slug}/settings`);
      await portal.page.getByRole("heading", { level: 1, name: "Tenant not found" }).waitFor();
      expect(new URL(portal.page.url()).pathname).toBe(`/t/${slug}/settings`);
      expect(await portal.page.getByRole("main").textContent()).toContain(`“${slug}”`);
      // No shell: no navigation, no tenant switcher.
      expect(await portal.page.getByRole("navigation", { name: "Main" }).count()).toBe(0);
      expect(await tenantSwitcher().count()).toBe(0);
    }

    // The page offers the person's own tenants.
    const yourTenants = portal.page.getByRole("navigation", { name: "Your tenants" });
    await yourTenants.getByRole("link", { name: tenantName, exact: true }).click();
    await portal.page.waitForURL(`**/t/${tenantSlug}/dashboard`);
    await portal.page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
  });
});

/** Calls the API as a script would, with the API key and nothing else (no cookie, no tenant header). */
async function getTenantWithKey(baseUrl: string, secret: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL("/api/v1/tenant", baseUrl), {
    headers: { Authorization: `Bearer ${secret}`, Accept: "application/json" },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
