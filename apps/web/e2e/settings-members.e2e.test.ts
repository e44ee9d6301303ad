import { TEST_PASSWORD } from "@idlife/api/testing";
import { describe, expect, it } from "vitest";
import { signIn } from "./browser.ts";
import { usePortal } from "./portal.ts";

describe("an administrator's tenant settings and members, and the platform's tenants", () => {
  const portal = usePortal();

  /** A fresh tenant whose owner is signed in on its settings page. */
  async function ownerOnSettings() {
    const owner = await portal.stack.api.createTenantWithMember("owner");
    await signIn(portal.page, owner.email, TEST_PASSWORD);
    await portal.page.waitForURL(`**/t/${owner.slug}/dashboard`);
    await portal.page.goto(`/t/${owner.slug}/settings`);
    await portal.page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    return owner;
  }

  it("invites a colleague, shows the one-time link and the pending invitation, and withdraws it", async () => {
    const owner = await ownerOnSettings();
    const email = `colleague-${Date.now()}@example.test`;
    const form = portal.page.getByRole("form", { name: "Invite a colleague" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("Colleague");
    await form.getByLabel("Role").selectOption({ label: "Auditor" });
    await form.getByRole("button", { name: "Invite" }).click();

    const callout = portal.page.getByRole("status").filter({ hasText: `Invitation for ${email} created` });
    await callout.getByText("copy this link to the person; it is shown once").waitFor();
    const link = new URL(await callout.getByLabel("Invitation link").inputValue());
    expect(link.pathname).toBe("/reset-password");
    expect(link.searchParams.get("token")).toBeTruthy();

    const pending = portal.page.getByRole("table", { name: "Invited, not yet accepted" });
    const row = pending.getByRole("row").filter({ hasText: email });
    await row.getByText("Auditor").waitFor();

    await row.getByRole("button", { name: `Withdraw the invitation of ${email}` }).click();
    await expect.poll(() => pending.count()).toBe(0);
    expect(await portal.stack.api.ownerPrisma.invitation.count({ where: { tenantId: owner.tenantId, email } })).toBe(0);
  });

  it("changes a member's role, removes a member after confirming, and shows why the last owner stays", async () => {
    const owner = await portal.stack.api.createTenantWithMember("owner");
    const operator = await portal.stack.api.addMember(owner.tenantId, "operator");
    const auditor = await portal.stack.api.addMember(owner.tenantId, "auditor");
    await signIn(portal.page, owner.email, TEST_PASSWORD);
    await portal.page.waitForURL(`**/t/${owner.slug}/dashboard`);
    await portal.page.goto(`/t/${owner.slug}/settings`);
    const members = portal.page.getByRole("region", { name: "Members" });

    await members.getByLabel(`Role of ${operator.email}`).selectOption({ label: "Administrator" });
    await expect
      .poll(async () => (await portal.stack.api.ownerPrisma.membership.findFirst({ where: { tenantId: owner.tenantId, user: { email: operator.email } } }))?.role)
      .toBe("admin");

    await members.getByRole("row").filter({ hasText: auditor.email }).getByRole("button", { name: "Remove" }).click();
    const dialog = portal.page.getByRole("dialog", { name: /^Remove / });
    await dialog.getByRole("button", { name: "Remove member" }).click();
    await expect.poll(() => members.getByRole("row").filter({ hasText: auditor.email }).count()).toBe(0);
    expect(await portal.stack.api.ownerPrisma.membership.count({ where: { tenantId: owner.tenantId, user: { email: auditor.email } } })).toBe(0);

    // The only owner removing themselves: the API refuses, and the page says why.
    await members.getByRole("row").filter({ hasText: owner.email }).getByRole("button", { name: "Remove" }).click();
    await dialog.getByRole("button", { name: "Remove member" }).click();
    await members.getByRole("alert").getByText("A tenant needs at least one owner; make someone else owner first.").waitFor();
    expect(await portal.stack.api.ownerPrisma.membership.count({ where: { tenantId: owner.tenantId, role: "owner" } })).toBe(1);
  });

  it("shows who would get another primary contract before the criteria are saved", async () => {
    const owner = await portal.stack.api.createTenantWithMember("owner");
    const contract = (id: string, fte: number, start: string) => ({ ExternalId: id, StartDate: start, EndDate: null, Details: { Fte: fte } });
    await portal.stack.api.ownerPrisma.person.create({
      data: {
        tenantId: owner.tenantId,
        externalId: "1001",
        displayName: "Jan de Vries",
        status: "active",
        data: { ExternalId: "1001", DisplayName: "Jan de Vries", Contracts: [contract("C-OLD", 0.4, "2015-08-01"), contract("C-NEW", 0.8, "2022-08-01")] },
        primaryContractId: "C-NEW",
        searchText: "jan de vries",
      },
    });
    await signIn(portal.page, owner.email, TEST_PASSWORD);
    await portal.page.waitForURL(`**/t/${owner.slug}/dashboard`);
    await portal.page.goto(`/t/${owner.slug}/settings`);
    const form = portal.page.getByRole("form", { name: "Primary contract" });
    const save = form.getByRole("button", { name: "Save criteria" });

    // The longest-serving contract first: Jan's primary contract would move to C-OLD.
    await form.getByLabel("Criterion 1", { exact: true }).selectOption({ label: "Start date" });
    await form.getByLabel("Order of criterion 1").selectOption({ label: "Lowest or earliest first" });
    expect(await save.isDisabled()).toBe(true);
    await form.getByRole("button", { name: "Preview changes" }).click();
    const preview = form.getByRole("table", { name: "1 person would get another primary contract" });
    const row = preview.getByRole("row").filter({ hasText: "Jan de Vries" });
    await row.waitFor();
    expect(await row.getByRole("cell").allTextContents()).toEqual(["Jan de Vries (1001)", "C-NEW", "C-OLD"]);
    // Nothing is saved by previewing.
    expect((await portal.stack.api.ownerPrisma.tenant.findUniqueOrThrow({ where: { id: owner.tenantId } })).settings).not.toHaveProperty("primaryContractCriteria");

    await save.click();
    await form.getByText("Criteria saved.").waitFor();
    const settings = (await portal.stack.api.ownerPrisma.tenant.findUniqueOrThrow({ where: { id: owner.tenantId } })).settings as { primaryContractCriteria: unknown[] };
    expect(settings.primaryContractCriteria[0]).toEqual({ field: "StartDate", direction: "asc" });
  });

  it("lets the platform administrator create a tenant on the tenants screen and see it listed", async () => {
    const { email } = await portal.stack.api.createUser({ isPlatformAdmin: true });
    await signIn(portal.page, email, TEST_PASSWORD);
    await portal.page.waitForURL("**/platform/tenants");
    await portal.page.getByRole("heading", { level: 1, name: "Tenants" }).waitFor();

    const slug = `de-linde-${Date.now()}`;
    const form = portal.page.getByRole("form", { name: "Create a tenant" });
    await form.getByLabel("Organisation name").fill("Basisschool De Linde");
    await form.getByLabel("Slug").fill(slug);
    await form.getByLabel("Owner's email").fill(`directeur-${slug}@example.test`);
    await form.getByLabel("Owner's name").fill("Directeur");
    await form.getByRole("button", { name: "Create tenant" }).click();

    await portal.page.getByRole("status").getByLabel("Owner's link").waitFor();
    await portal.page.getByRole("table", { name: "Tenants" }).getByRole("row").filter({ hasText: slug }).getByText("Basisschool De Linde").waitFor();
  });
});
