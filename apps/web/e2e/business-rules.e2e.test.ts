// A business rule written in the portal's editor without code, its target system and permission
// picked by name: problems shown as typed and as the API refuses them, simulated on the live
// persons (the diff names who gains what), a publish refused for a failing test case, then
// published; the person's Rules tab says in scope, and for another person which condition failed
// with the value it met. A rule whose target system is gone says so in the editor.
import { createFactories, TEST_PASSWORD } from "@idlife/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn } from "./browser.ts";
import { usePortal } from "./portal.ts";
import { startStaffRule } from "./rule-editor-steps.ts";

const portal = usePortal({ worker: true });

async function arrange() {
  const ctx = createFactories(portal.stack.api);
  const tenant = await ctx.newTenant();
  const [fullTimer, partTimer] = await ctx.newPersons(tenant, [
    { externalId: "1001", familyName: "Jansen", contracts: [{ fte: 1 }] },
    { externalId: "1002", familyName: "Bakker", contracts: [{ fte: 0.4 }] },
  ]);
  // The target system and its group, as the target-system routes would store them.
  const prisma = portal.stack.api.ownerPrisma;
  const system = await prisma.targetSystem.create({ data: { tenantId: tenant.tenantId, name: "Active Directory", connectorType: "ldap" } });
  const oldSystem = await prisma.targetSystem.create({ data: { tenantId: tenant.tenantId, name: "Old directory", connectorType: "ldap" } });
  const group = await prisma.targetPermission.create({ data: { tenantId: tenant.tenantId, targetSystemId: system.id, reference: "CN=staff", displayName: "staff", kind: "group" } });
  return { tenant, fullTimer: fullTimer!, partTimer: partTimer!, system, oldSystem, group };
}

async function simulate(page: Page) {
  await page.getByRole("button", { name: "Simulate" }).click();
  const result = page.getByRole("region", { name: "Simulation result" });
  await result.waitFor({ timeout: 30_000 });
  return result;
}

describe("business rules in the portal", () => {
  it("write a rule, simulate it, read the diff, publish it, and see why on the person's Rules tab", { timeout: 120_000 }, async () => {
    const { tenant, fullTimer, partTimer, system, oldSystem, group } = await arrange();
    const { page } = portal;
    await signIn(page, tenant.email, TEST_PASSWORD);
    await page.waitForURL(`**/t/${tenant.slug}/dashboard`);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Business rules" }).click();
    await page.getByText("No business rules yet").waitFor();
    // The condition: a contract with at least half a job. Its problem shows while the value is missing.
    await startStaffRule(page, "Staff with at least half a job");
    const condition = page.getByRole("listitem", { name: "Condition 1" });
    await condition.getByText("'Contract.Details.Fte' greaterOrEqual needs a value").waitFor();
    await page.getByLabel("Value of condition 1").fill("0.5");
    await expect.poll(() => condition.getByText("needs a value").count()).toBe(0);

    // The account in a system picked by name, deleted meanwhile: the API refuses and says why.
    await page.getByLabel("Target system of entitlement 1").selectOption({ label: "Old directory" });
    await portal.stack.api.ownerPrisma.targetSystem.delete({ where: { id: oldSystem.id } });
    await page.getByRole("button", { name: "Add test case" }).click();
    await page.getByLabel("Name of test case 1").fill("a part-timer too");
    await page.getByLabel("Person ExternalId of test case 1").fill("1002");
    await page.getByRole("button", { name: "Save draft" }).click();
    const problems = page.getByRole("list", { name: "Problems" });
    await problems.getByText(`entitlements.0: the target system ${oldSystem.id} does not exist`).waitFor();

    // The right system by name, and a permission picked from the system's list (a new
    // entitlement starts in the system of the one before it).
    await page.getByLabel("Target system of entitlement 1").selectOption({ label: "Active Directory" });
    await page.getByRole("button", { name: "Add entitlement" }).click();
    await page.getByLabel("Kind of entitlement 2").selectOption("permission");
    expect(await page.getByLabel("Target system of entitlement 2").locator("option:checked").textContent()).toBe("Active Directory");
    await page.getByLabel("Permission of entitlement 2").selectOption({ label: "staff" });
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("heading", { level: 1, name: "Staff with at least half a job" }).waitFor();
    await page.getByText("Draft v1").first().waitFor();
    // The saved rule refers to the system and the permission by id.
    const ruleId = new URL(page.url()).pathname.split("/").at(-1)!;
    const stored = await tenant.owner.client.get(`/api/v1/business-rules/${ruleId}`);
    expect(stored.status, stored.text).toBe(200);
    expect(stored.body.draft.definition.entitlements).toEqual([
      { kind: "account", targetSystemId: system.id },
      { kind: "permission", targetSystemId: system.id, permissionId: group.id },
    ]);

    // Simulate: the diff names who gains what, and the test case (a part-timer in scope) fails.
    let result = await simulate(page);
    const changes = result.getByRole("table", { name: "Changes", exact: true });
    const rowsOf = async () => (await changes.getByRole("row").allTextContents()).slice(1);
    await expect.poll(rowsOf).toEqual(expect.arrayContaining([expect.stringMatching(/^Given1001 JansenActive DirectoryGrantaccount.*Staff with at least half a job \(1001-1\)$/)]));
    expect((await rowsOf()).some((row) => row.includes("Bakker"))).toBe(false);
    const byKind = result.getByRole("table", { name: "Changes by kind" });
    expect(await byKind.getByRole("row", { name: /Accounts/ }).getByRole("cell").allTextContents()).toEqual(["1", "0"]);
    await page.getByLabel("Kind", { exact: true }).selectOption("permission");
    // The API names a fixed permission by its id only (its display name is not in the change yet).
    await expect.poll(rowsOf).toEqual([`Given1001 JansenActive DirectoryGrantpermission${group.id}Staff with at least half a job (1001-1)`]);
    await result.getByRole("list", { name: "Test cases" }).getByText("Fail").waitFor();

    // Publishing shows the same diff, and the API's refusal (the failing test case) with its message.
    await result.getByRole("button", { name: "Publish…" }).click();
    const dialog = page.getByRole("dialog", { name: /Publish/ });
    expect(await dialog.getByRole("table", { name: "Changes by kind" }).getByRole("row", { name: /Permissions/ }).getByRole("cell").allTextContents()).toEqual(["1", "0"]);
    await dialog.getByRole("button", { name: "Publish", exact: true }).click();
    await dialog.getByText(/a part-timer too/).last().waitFor();
    expect(await dialog.getByRole("alert").textContent()).toContain("Not published");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    // Fix the test case, save (a new draft), simulate again and publish.
    await page.getByLabel("Name of test case 1").fill("a part-timer not");
    await page.getByLabel("Expectation of test case 1").selectOption("not-in-scope");
    const saved = page.waitForResponse((response) => response.request().method() === "PATCH" && response.url().includes("/business-rules/"));
    await page.getByRole("button", { name: "Save draft" }).click();
    expect((await saved).status()).toBe(200);
    await page.getByText("Draft saved.").waitFor();
    // The changed draft is a new draft (same version number): the earlier simulation is gone with it.
    await expect.poll(() => page.getByRole("region", { name: "Simulation result" }).count()).toBe(0);
    result = await simulate(page);
    await result.getByRole("list", { name: "Test cases" }).getByText("Pass").waitFor();
    await result.getByRole("button", { name: "Publish…" }).click();
    await page.getByRole("dialog", { name: /Publish/ }).getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByText("Published version 1 is enforced.").waitFor();

    await page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: "Business rules" }).click();
    const listed = page.getByRole("table", { name: "Business rules" }).getByRole("row", { name: /Staff with at least half a job/ });
    await listed.waitFor();
    expect(await listed.textContent()).toContain("Published v1");
    expect(await listed.textContent()).not.toContain("Draft");

    // The person's Rules tab: in scope; the part-timer is not, and the page names the condition and her value.
    await page.goto(`/t/${tenant.slug}/persons/${fullTimer.id}`);
    await page.getByRole("navigation", { name: "Person sections" }).getByRole("link", { name: "Rules" }).click();
    const inScope = page.getByRole("article", { name: "Staff with at least half a job" });
    await inScope.getByText("In scope", { exact: true }).waitFor();
    await page.goto(`/t/${tenant.slug}/persons/${partTimer.id}/rules`);
    const notInScope = page.getByRole("article", { name: "Staff with at least half a job" });
    await notInScope.getByText("Not in scope", { exact: true }).waitFor();
    expect(await notInScope.getByRole("listitem").filter({ hasText: "Contract.Details.Fte greaterOrEqual 0.5" }).last().textContent()).toContain("the value is 0.4");

    // A rule whose target system was deleted since: the editor says so rather than pick another.
    const retired = await portal.stack.api.ownerPrisma.targetSystem.create({ data: { tenantId: tenant.tenantId, name: "Retired directory", connectorType: "ldap" } });
    const staff = { kind: "field", field: "Contract.Details.Fte", operator: "greaterOrEqual", value: 0.5 };
    const created = await tenant.owner.client.post("/api/v1/business-rules", { name: "Retired", definition: { condition: staff, entitlements: [{ kind: "account", targetSystemId: retired.id }] } });
    expect(created.status, created.text).toBe(201);
    await portal.stack.api.ownerPrisma.targetSystem.delete({ where: { id: retired.id } });
    await page.goto(`/t/${tenant.slug}/business-rules/${created.body.id as string}`);
    const retiredSystem = page.getByLabel("Target system of entitlement 1");
    await expect.poll(() => retiredSystem.locator("option:checked").textContent()).toBe("Unknown target system");
    expect(await retiredSystem.inputValue()).toBe(retired.id);
    // Saving it is refused with the reason, and the page still holds one editor (a key shared
    // with the simulation panel once left stale copies of the form behind).
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("list", { name: "Problems" }).getByText(`entitlements.0: the target system ${retired.id} does not exist`).waitFor();
    expect(await page.locator("form.rule-editor").count()).toBe(1);
  });
});
