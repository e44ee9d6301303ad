import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { TEST_PASSWORD } from "@idlife/api/testing";
import { describe, expect, it } from "vitest";
import { signIn } from "./browser.ts";
import { useTestEnvironment } from "./portal.ts";

describe("settings that decide persons, and the persons export, in the browser", () => {
  // The snapshot that re-decides persons after a settings change runs on the worker.
  const environment = useTestEnvironment({ worker: true });

  /**
   * A person as the last snapshot left them, with the mapped record of a source system that has
   * no import to map again: whatever the next snapshot decides comes from the settings alone.
   */
  async function arrangePerson(tenantId: string, externalId: string, name: Record<string, string>, displayName: string) {
    const prisma = environment.stack.api.ownerPrisma;
    const source = await prisma.sourceSystem.create({ data: { tenantId, name: `HR ${randomUUID().slice(0, 8)}`, connectorType: "csv", settings: { layout: "single", personKey: "Id" } } });
    const data = { ExternalId: externalId, DisplayName: displayName, Name: name, Contracts: [{ ExternalId: `C${externalId}`, StartDate: "2019-08-01", EndDate: null }] };
    const person = await prisma.person.create({
      data: { tenantId, externalId, displayName, status: "active", data, primaryContractId: `C${externalId}`, sourceSystemIds: [source.id], searchText: displayName.toLowerCase() },
    });
    await prisma.personSource.create({ data: { tenantId, personId: person.id, sourceSystemId: source.id, externalId, mapped: data } });
    return person;
  }

  async function signedInOwner(options: { locale?: string } = {}) {
    const owner = await environment.stack.api.createTenantWithMember("owner");
    const context = await environment.browser.newContext({ baseURL: environment.stack.baseUrl, acceptDownloads: true, ...(options.locale ? { locale: options.locale } : {}) });
    const page = await context.newPage();
    // The portal must work under its own Content-Security-Policy (as in portal.ts).
    const cspViolations: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) cspViolations.push(message.text());
    });
    await signIn(page, owner.email, TEST_PASSWORD);
    await page.waitForURL(`**/t/${owner.slug}/dashboard`);
    return { owner, context, page, cspViolations };
  }

  it("renames a person after the administrator changes the name convention (the snapshot re-decides them)", { timeout: 90_000 }, async () => {
    const { owner, context, page, cspViolations } = await signedInOwner();
    await arrangePerson(owner.tenantId, "1001", { GivenName: "Anna", FamilyNamePrefix: "van den", FamilyName: "Berg", FamilyNamePartnerPrefix: "de", FamilyNamePartner: "Jong" }, "Anna van den Berg");

    await page.goto(`/t/${owner.slug}/persons`);
    const persons = page.getByRole("table", { name: "Persons" });
    await persons.getByRole("link", { name: "Anna van den Berg" }).waitFor();

    await page.goto(`/t/${owner.slug}/settings`);
    const form = page.getByRole("form", { name: "Name convention" });
    await form.getByLabel("Display names").selectOption("PB");
    await form.getByRole("button", { name: "Save name convention" }).click();
    await form.getByText(/^Saved\. Persons are being decided again/).waitFor();

    await page.goto(`/t/${owner.slug}/persons`);
    await expect
      .poll(async () => {
        await page.reload();
        await persons.getByRole("row").nth(1).waitFor();
        return persons.getByRole("link", { name: "Anna de Jong - van den Berg" }).count();
      }, { timeout: 60_000, interval: 1_000 })
      .toBe(1);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it("keeps raw data and history as long as the Retention panel says, refusing a period outside the bounds", { timeout: 60_000 }, async () => {
    const { owner, context, page, cspViolations } = await signedInOwner();
    await page.goto(`/t/${owner.slug}/settings`);
    const form = page.getByRole("form", { name: "Retention" });
    const rawDays = form.getByLabel("Keep replaced raw data for (days)");
    const historyDays = form.getByLabel("Keep person history for (days)");
    expect(await rawDays.inputValue()).toBe("365");
    expect(await historyDays.inputValue()).toBe("");

    await historyDays.fill("30");
    await form.getByRole("button", { name: "Save retention" }).click();
    await form.getByText("The retention was not saved").waitFor();
    const stored = async () => ((await environment.stack.api.ownerPrisma.tenant.findUniqueOrThrow({ where: { id: owner.tenantId } })).settings as { retention?: unknown }).retention;
    expect(await stored()).toEqual({ rawVersionDays: 365, historyDays: null });

    await rawDays.fill("90");
    await historyDays.fill("730");
    await form.getByRole("button", { name: "Save retention" }).click();
    await form.getByText("Saved. The next nightly clean-up applies it.").waitFor();
    expect(await stored()).toEqual({ rawVersionDays: 90, historyDays: 730 });
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it("downloads the export with a BOM and the separator chosen (semicolon first in a Dutch browser), formulas neutralised", async () => {
    const { owner, context, page, cspViolations } = await signedInOwner({ locale: "nl-NL" });
    await arrangePerson(owner.tenantId, "2001", { GivenName: "=SUM(A1)", FamilyName: "Visser" }, "=SUM(A1) Visser");
    await page.goto(`/t/${owner.slug}/persons`);
    await page.getByRole("table", { name: "Persons" }).getByRole("row").nth(1).waitFor();

    const separator = page.getByLabel("CSV separator");
    expect(await separator.inputValue()).toBe(";");
    const download = async () => {
      const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
      return readFile((await file.path())!);
    };

    const semicolons = await download();
    expect([...semicolons.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = semicolons.toString("utf8").slice(1).split("\r\n");
    expect(header!.split(";")).toEqual(expect.arrayContaining(["ExternalId", "DisplayName"]));
    const cells = row!.split(";");
    expect(cells[header!.split(";").indexOf("DisplayName")]).toBe("'=SUM(A1) Visser");

    await separator.selectOption(",");
    const commas = (await download()).toString("utf8");
    expect(commas.startsWith("\uFEFF")).toBe(true);
    expect(commas.split("\r\n")[0]).toContain("ExternalId,");
    expect(commas.split("\r\n")[0]).not.toContain(";");
    expect(cspViolations).toEqual([]);
    await context.close();
  });
});
