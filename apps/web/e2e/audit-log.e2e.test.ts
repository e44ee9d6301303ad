import { describe, expect, it } from "vitest";
import { signInAsSeededOwner, usePortal } from "./portal.ts";

const portal = usePortal();

describe("the audit log, in the browser", () => {
  it("filters by action and shows a source system change as a before/after diff", { timeout: 60_000 }, async () => {
    const { page, stack } = portal;
    await signInAsSeededOwner(portal);

    // A source system, created and renamed through the API as the signed-in owner.
    const request = async (method: string, path: string, body: unknown) => {
      const response = await page.request.fetch(`/api/v1${path}`, {
        method,
        data: body,
        headers: { "x-tenant-id": tenantId, "x-requested-with": "idlife", "content-type": "application/json" },
      });
      expect(response.status(), await response.text()).toBeLessThan(300);
      return response.json();
    };
    const tenantId = (await stack.api.ownerPrisma.tenant.findUniqueOrThrow({ where: { slug: stack.seed.tenantSlug } })).id;
    const mapping = { person: { ExternalId: { type: "field", path: "Id" } }, contract: {} };
    const created = await request("POST", "/source-systems", { name: "HR export", connectorType: "csv", settings: { layout: "single", persons: { personKey: "Id" } }, mapping });
    await request("PATCH", `/source-systems/${created.id}`, { name: "HR export (payroll)" });

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    const entries = page.getByRole("table", { name: "Audit log entries, newest first" });
    await entries.getByText("source_system.create").waitFor();

    // Filter by action: only the update is left, named by the source system's current name.
    await page.getByRole("search", { name: "Filter the audit log" }).getByLabel("Action").fill("source_system.update");
    await expect.poll(() => entries.getByRole("row").count()).toBe(2);
    expect(page.url()).toContain("action=source_system.update");
    const update = entries.getByRole("row").nth(1);
    expect(await update.getByRole("cell").nth(2).textContent()).toBe("source_system.update");
    expect(await update.getByRole("cell").nth(3).textContent()).toContain("Source system HR export (payroll)");

    // Its before and after, field by field, the changed name highlighted.
    await update.getByRole("button", { name: "Show changes" }).click();
    const diff = page.getByRole("table", { name: /Changes of source_system.update/ });
    await diff.waitFor();
    const name = diff.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "name", exact: true }) });
    expect(await name.getAttribute("class")).toContain("diff__row--changed");
    expect(await name.getByRole("deletion").textContent()).toBe("HR export");
    expect(await name.getByRole("insertion").textContent()).toBe("HR export (payroll)");
    const connector = diff.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "connectorType", exact: true }) });
    expect(await connector.getAttribute("class")).not.toContain("diff__row--changed");

    // A click on the object's name narrows the log to that object: its creation and its rename.
    await page.getByRole("search", { name: "Filter the audit log" }).getByLabel("Action").fill("");
    await expect.poll(() => page.url()).not.toContain("action=");
    await entries.getByRole("button", { name: "HR export (payroll)" }).first().click();
    await expect.poll(() => page.url()).toContain(`targetId=${created.id}`);
    // The entries' own rows (the open before/after view is a table of its own inside one of them).
    const actions = () => entries.locator(":scope > tbody > tr > td:nth-child(3)").allTextContents();
    await expect.poll(actions).toEqual(["source_system.update", "source_system.create"]);
  });
});
