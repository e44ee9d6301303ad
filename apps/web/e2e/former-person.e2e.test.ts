// A person no longer delivered: the person page says since when they are former (their last
// contract's end) and, apart from it, since when no source delivers them.
import { createFactories, personsOf, startTestWorker, TEST_PASSWORD, type TestWorker } from "@idlife/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "./browser.ts";
import { usePortal } from "./portal.ts";

describe("a former person's page", () => {
  const portal = usePortal();
  let worker: TestWorker;
  beforeAll(async () => {
    worker = await startTestWorker(portal.stack.api);
  });
  afterAll(async () => worker?.close());

  it("shows former since the last contract's end date, and no longer delivered since the import", async () => {
    const ctx = createFactories(portal.stack.api);
    const tenant = await ctx.newTenant();
    const { client, slug, email } = tenant;
    const hr = await ctx.newSourceSystem(tenant, { name: "HR" });
    await ctx.importCsv(tenant, hr, ["1001;Jan;de Vries;1980-05-17;C1;2019-08-01;2026-06-30;1;", "1002;Piet;Smit;1970-03-04;C2;2010-08-01;;1;", "1003;Anna;Visser;1995-01-01;C3;2025-01-01;;1;"]);
    await ctx.importCsv(tenant, hr, ["1003;Anna;Visser;1995-01-01;C3;2025-01-01;;1;"]);
    const persons = await personsOf(client);
    const idOf = (name: string) => persons.find((person) => person.displayName === name)!.id;

    const page = portal.page;
    await signIn(page, email, TEST_PASSWORD);
    await page.waitForURL(`**/t/${slug}/dashboard`);
    const status = page.locator(".field-list__row").filter({ has: page.getByRole("term").filter({ hasText: /^Status$/ }) });
    const delivery = page.locator(".field-list__row").filter({ has: page.getByRole("term").filter({ hasText: /^No longer delivered since$/ }) });

    await page.goto(`/t/${slug}/persons/${idOf("Jan de Vries")}`);
    await page.getByRole("heading", { level: 1, name: "Jan de Vries" }).waitFor();
    const june30 = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(Date.UTC(2026, 5, 30)));
    expect(await page.evaluate(() => navigator.language)).toMatch(/^en/);
    await expect.poll(() => status.textContent()).toContain(`since ${june30}`);
    expect(await delivery.textContent()).toMatch(/\d{4}/);
    expect(await delivery.textContent()).not.toContain("Not every contract has an end date");

    // No end date on any contract: former since they were no longer delivered, and the page says so.
    await page.goto(`/t/${slug}/persons/${idOf("Piet Smit")}`);
    await page.getByRole("heading", { level: 1, name: "Piet Smit" }).waitFor();
    await expect.poll(() => delivery.textContent()).toContain("Not every contract has an end date");
  });
});
