import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn } from "./browser.ts";
import { addField, readPreview, uploadFile } from "./mapping-steps.ts";
import { useTempDir, useTestEnvironment } from "./portal.ts";

// One HR export, semicolon separated, one row per contract (the "single" layout).
const header = "Id;Roepnaam;Voorvoegsel;Achternaam;Email;Contract;Start;Einde;Functie";
const firstExport = [
  header,
  "1001;Jan;de;Vries;j.devries@school.example;C1001;2019-08-01;;Leerkracht",
  "1002;Fatima;el;Amrani;f.elamrani@school.example;C1002;2020-01-01;;Intern begeleider",
  "1003;Noah;;Visser;n.visser@school.example;C1003;2021-03-01;;Conciërge",
].join("\n");
// The next day's export: Jan de Vries took his partner's name.
const secondExport = firstExport.replace("1001;Jan;de;Vries;", "1001;Jan;de;Vries-Jansen;");

describe("from a CSV source system to a person's history, in the browser", () => {
  // Imports and snapshots run on the worker, as in production.
  const environment = useTestEnvironment({ worker: true });
  let page: Page;
  const files = useTempDir("idlife-e2e-", async (dir) => {
    await writeFile(join(dir, "medewerkers.csv"), `${firstExport}\n`);
    await writeFile(join(dir, "medewerkers-2.csv"), `${secondExport}\n`);
  });

  it("adds a CSV source, maps a complex field with preview, imports, and shows the person's history", { timeout: 120_000 }, async () => {
    const { ownerEmail, ownerPassword, tenantSlug } = environment.stack.seed;
    const context = await environment.browser.newContext({ baseURL: environment.stack.baseUrl });
    page = await context.newPage();

    // Sign in as the seeded owner.
    await signIn(page, ownerEmail, ownerPassword);
    await page.waitForURL(`**/t/${tenantSlug}/dashboard`);

    // 1. Add the source system.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Source systems" }).click();
    await page.getByRole("heading", { level: 1, name: "Source systems" }).waitFor();
    await page.getByRole("link", { name: "Add source system" }).click();
    await page.getByRole("heading", { level: 1, name: "Add source system" }).waitFor();
    await page.getByLabel("Name", { exact: true }).fill("HR export");
    await page.getByRole("radio", { name: /CSV \/ TSV file/ }).check();
    await page.getByLabel("Delimiter").selectOption(";");
    await page.getByLabel("Person key column").fill("Id");
    await page.getByLabel("Contract columns").fill("Contract, Start, Einde, Functie");
    await page.getByRole("button", { name: "Add source system" }).click();
    await page.getByRole("heading", { level: 1, name: "HR export" }).waitFor();
    const sections = page.getByRole("navigation", { name: "Source system sections" });

    // 2. Map the fields; the nick name is a complex (script) field.
    await sections.getByRole("link", { name: "Mapping" }).click();
    // The open tab of the editor: its rows, and its "Add field" button.
    const personFields = page.getByRole("tabpanel");
    await personFields.getByLabel("Target field, row 1", { exact: true }).waitFor();
    expect(await personFields.getByLabel("Target field, row 1", { exact: true }).inputValue()).toBe("ExternalId");
    expect(await personFields.getByLabel("Source field for ExternalId", { exact: true }).inputValue()).toBe("Id");

    await addField(personFields, "Name.NickName");
    await personFields.getByLabel("Type of Name.NickName", { exact: true }).selectOption("complex");
    const script = personFields.getByLabel("Script for Name.NickName", { exact: true });
    // A typo is caught when leaving the field, with its line.
    await script.fill("return source.Roepnaam.toUpperCase(;");
    await script.blur();
    await personFields.getByText(/^Line 1: SyntaxError/).waitFor();
    await script.fill("return source.Roepnaam.toUpperCase();");
    await script.blur();
    await expect.poll(() => personFields.getByText(/SyntaxError/).count()).toBe(0);

    await addField(personFields, "Name.FamilyNamePrefix", "Voorvoegsel");
    await addField(personFields, "Name.FamilyName", "Achternaam");
    await personFields.getByLabel("Required: Name.FamilyName", { exact: true }).check();
    await addField(personFields, "Name.Convention");
    await personFields.getByLabel("Type of Name.Convention", { exact: true }).selectOption("fixed");
    await personFields.getByLabel("Fixed value for Name.Convention", { exact: true }).fill("B");
    await addField(personFields, "Contact.Business.Email", "Email");

    await page.getByRole("tab", { name: /Contract/ }).click();
    await page.getByRole("tab", { name: /Contract/, selected: true }).waitFor();
    const contractFields = page.getByRole("tabpanel");
    await addField(contractFields, "ExternalId", "Contract");
    await addField(contractFields, "StartDate", "Start");
    await addField(contractFields, "EndDate", "Einde");
    await addField(contractFields, "Title.Name", "Functie");

    await page.getByRole("button", { name: "Save mapping" }).click();
    await page.getByText("Mapping saved").waitFor();

    // 3. Upload the export and import it, following the import until it completes.
    await sections.getByRole("link", { name: "Imports" }).click();
    await uploadFile(page, "Persons file", join(files.path, "medewerkers.csv"));
    await page.getByRole("button", { name: "Import now" }).click();
    const imports = page.getByRole("table", { name: "Imports, newest first" });
    await expect.poll(() => imports.getByText("Completed", { exact: true }).count(), { timeout: 30_000 }).toBe(1);
    const firstRun = imports.getByRole("row").nth(1);
    expect(await firstRun.getByRole("cell").allTextContents()).toEqual(expect.arrayContaining(["3"]));

    // 4. Preview the mapping on a raw record of that import: the raw record next to the person it becomes.
    await sections.getByRole("link", { name: "Mapping" }).click();
    await page.getByLabel("Find raw records").fill("Vries");
    await page.getByRole("checkbox", { name: /^1001/ }).check();
    await page.getByRole("button", { name: "Run preview" }).click();
    const { raw, mapped } = await readPreview(page, "1001");
    expect(raw).toContain('"Roepnaam": "Jan"');
    expect(mapped).toContain('"NickName": "JAN"');
    expect(mapped).toContain('"FamilyName": "Vries"');

    // 5. The next export changes a family name.
    await sections.getByRole("link", { name: "Imports" }).click();
    await uploadFile(page, "Persons file", join(files.path, "medewerkers-2.csv"));
    await page.getByRole("button", { name: "Import now" }).click();
    await expect.poll(() => imports.getByText("Completed", { exact: true }).count(), { timeout: 30_000 }).toBe(2);

    // 6. Find the person and read their history.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Persons" }).click();
    await page.getByRole("heading", { level: 1, name: "Persons" }).waitFor();
    await page.getByRole("search", { name: "Find persons" }).getByLabel("Search").fill("vries");
    const personLink = page.getByRole("table", { name: "Persons" }).getByRole("link", { name: "JAN de Vries-Jansen" });
    await personLink.click();
    await page.getByRole("heading", { level: 1, name: "JAN de Vries-Jansen" }).waitFor();
    await page.getByRole("navigation", { name: "Person sections" }).getByRole("link", { name: "History" }).click();
    const familyNameChange = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Name.FamilyName", exact: true }) });
    await familyNameChange.waitFor();
    expect(await familyNameChange.getByRole("deletion").textContent()).toBe("Vries");
    expect(await familyNameChange.getByRole("insertion").textContent()).toBe("Vries-Jansen");

    await context.close();
  });
});
