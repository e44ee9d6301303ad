import { TEST_PASSWORD } from "@idlife/api/testing";
import { describe, expect, it } from "vitest";
import { signIn } from "./browser.ts";
import { usePortal } from "./portal.ts";

const portal = usePortal();

/** A tenant with a directory target system made through the API (nothing connects to it here). */
async function arrangeTargetSystem() {
  const { api } = portal.stack;
  const owner = await api.createTenantWithMember("owner");
  const created = await owner.client.post("/api/v1/target-systems", {
    name: "Active Directory",
    connectorType: "ldap",
    settings: { directoryKind: "active-directory", url: "ldap://127.0.0.1:1", bindDn: "cn=admin,dc=school,dc=test", baseDn: "dc=school,dc=test" },
    secrets: { password: "bind-s3cret" },
  });
  expect(created.status, created.text).toBe(201);
  return { ...owner, targetSystemId: created.body.id as string };
}

describe("a target system's safety thresholds in the portal", () => {
  it("an administrator limits revoking accounts, sees it after a reload and through the API, and an out-of-range value is refused unsaved", { timeout: 60_000 }, async () => {
    const { page } = portal;
    const { client, slug, email, targetSystemId } = await arrangeTargetSystem();
    await signIn(page, email, TEST_PASSWORD);
    await page.waitForURL(`**/t/${slug}/dashboard`);
    await page.goto(`/t/${slug}/target-systems/${targetSystemId}`);

    const form = page.getByRole("form", { name: "Safety thresholds" });
    const count = form.getByLabel("Revoke accounts: At most (actions)");
    const percent = form.getByLabel("Revoke accounts: At most (percent)");
    // A system that set nothing shows the platform's defaults; the inputs carry the API's bounds.
    expect(await count.inputValue()).toBe("25");
    expect(await percent.getAttribute("max")).toBe("100");
    await count.fill("5");
    await percent.fill("10");
    await form.getByRole("button", { name: "Save thresholds" }).click();
    await form.getByText("Thresholds saved.").waitFor();

    await page.reload();
    expect(await form.getByLabel("Revoke accounts: At most (actions)").inputValue()).toBe("5");
    expect(await form.getByLabel("Revoke accounts: At most (percent)").inputValue()).toBe("10");
    const saved = await client.get(`/api/v1/target-systems/${targetSystemId}`);
    expect(saved.body.thresholds.limits["revoke:account"]).toEqual({ count: 5, percent: 10 });

    // Beyond the contract's maximum: the message shows on the field and nothing is saved.
    await form.getByLabel("Revoke accounts: At most (percent)").fill("150");
    await form.getByRole("button", { name: "Save thresholds" }).click();
    await form.getByText(/<=\s*100/).waitFor();
    expect(await form.getByLabel("Revoke accounts: At most (percent)").getAttribute("aria-invalid")).toBe("true");
    expect((await client.get(`/api/v1/target-systems/${targetSystemId}`)).body.thresholds.limits["revoke:account"]).toEqual({ count: 5, percent: 10 });
  });

  it("a member who may not configure reads the thresholds without a form to change them", { timeout: 60_000 }, async () => {
    const { page, stack } = portal;
    const { tenantId, slug, client, targetSystemId } = await arrangeTargetSystem();
    const limited = await client.patch(`/api/v1/target-systems/${targetSystemId}`, { thresholds: { limits: { "revoke:account": { count: 5 } } } });
    expect(limited.status, limited.text).toBe(200);
    const auditor = await stack.api.addMember(tenantId, "auditor");
    await signIn(page, auditor.email, TEST_PASSWORD);
    await page.waitForURL(`**/t/${slug}/dashboard`);
    await page.goto(`/t/${slug}/target-systems/${targetSystemId}`);

    const table = page.getByRole("table", { name: "Safety thresholds per action" });
    const revokeAccounts = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Revoke accounts" }) });
    await revokeAccounts.waitFor();
    expect(await revokeAccounts.getByRole("cell").allTextContents()).toEqual(["5", "No limit"]);
    expect(await table.getByRole("spinbutton").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Save thresholds" }).count()).toBe(0);
  });
});
