import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn } from "./browser.ts";
import { addField, offered, readPreview, uploadFile } from "./mapping-steps.ts";
import { usePortal, useTempDir } from "./portal.ts";


const examples = fileURLToPath(new URL("../../../examples/hr/", import.meta.url));

/**
 * The SOOR HR export (examples/hr) as a payroll system writes it: Windows-1252 instead of UTF-8
 * with a byte order mark, and day-first dates (dd-mm-yyyy) instead of ISO ones; its FTE already
 * has decimal commas ("0,9000"). "ı" (Hüseyin Yıldız) has no Windows-1252 byte; it becomes "i",
 * as such an export would write it.
 */
async function asPayrollExport(name: string, directory: string): Promise<string> {
  const text = (await readFile(join(examples, name), "utf8"))
    .replace(/^\uFEFF/, "")
    .replace(/ı/g, "i")
    .replace(/(?<=^|;)(\d{4})-(\d{2})-(\d{2})(?=;|$)/gm, "$3-$2-$1");
  if (/[^\u0000-\u007f\u00a0-\u00ff]/.test(text)) throw new Error(`${name} has a letter without a Windows-1252 byte`);
  const path = join(directory, name);
  await writeFile(path, Buffer.from(text, "latin1"));
  return path;
}

describe("department trees, set up and mapped in the portal", () => {
  // Imports and snapshots run on the worker, as in production.
  const portal = usePortal({ worker: true });
  let page: Page;
  const files = useTempDir("idlife-e2e-departments-");

  it("imports a semicolon, Windows-1252, day-first, decimal-comma export with a departments file without any script, and derives the manager from the tree", { timeout: 180_000 }, async () => {
    const { ownerEmail, ownerPassword, tenantSlug } = portal.stack.seed;
    // The tenant takes managers from the department tree (set on the tenant settings screen).
    const tenant = await portal.stack.api.ownerPrisma.tenant.findUniqueOrThrow({ where: { slug: tenantSlug } });
    await portal.stack.api.ownerPrisma.tenant.update({
      where: { id: tenant.id },
      data: { settings: { ...(tenant.settings as object), managerOptions: { source: "department", walkUpWhenMissingOrSelf: true } } },
    });
    const employees = await asPayrollExport("employees.csv", files.path);
    const contracts = await asPayrollExport("contracts.csv", files.path);
    const departments = await asPayrollExport("departments.csv", files.path);

    page = portal.page;
    await signIn(page, ownerEmail, ownerPassword);
    await page.waitForURL(`**/t/${tenantSlug}/dashboard`);

    // 1. The source: two files plus the departments file, semicolons, Windows-1252.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Source systems" }).click();
    await page.getByRole("link", { name: "Add source system" }).click();
    await page.getByLabel("Name", { exact: true }).fill("SOOR HR");
    await page.getByRole("radio", { name: /CSV \/ TSV file/ }).check();
    await page.getByRole("radio", { name: /Two files/ }).check();
    await page.getByLabel("Delimiter").selectOption(";");
    await page.getByLabel("Encoding").selectOption("windows-1252");
    await page.getByLabel("Person key column").fill("Personeelsnummer");
    await page.getByLabel("Join key column (contracts file)").fill("Personeelsnummer");
    await page.getByRole("checkbox", { name: /Departments file/ }).check();
    await page.getByLabel("Department key column").fill("Afdelingscode");
    await page.getByRole("button", { name: "Add source system" }).click();
    await page.getByRole("heading", { level: 1, name: "SOOR HR" }).waitFor();
    const sections = page.getByRole("navigation", { name: "Source system sections" });

    // 2. Upload the three files (no import yet).
    await sections.getByRole("link", { name: "Imports" }).click();
    await uploadFile(page, "Persons file", employees);
    await uploadFile(page, "Contracts file", contracts);
    await uploadFile(page, "Departments file", departments);

    // 3. Map, choosing source fields from the columns the portal offers from the uploads.
    await sections.getByRole("link", { name: "Mapping" }).click();
    await page.getByText("Managers come from the department tree, but this source maps no departments").waitFor();
    const panel = page.getByRole("tabpanel");
    await panel.getByText("Source fields offered: the 18 columns of employees.csv.").waitFor();
    const externalId = panel.getByLabel("Source field for ExternalId", { exact: true });
    expect(await offered(externalId)).toEqual(expect.arrayContaining(["Personeelsnummer", "Roepnaam", "Voorvoegsel", "Achternaam", "Geboortedatum"]));
    await addField(panel, "Name.NickName", "Roepnaam", { offered: true });
    await addField(panel, "Name.FamilyNamePrefix", "Voorvoegsel", { offered: true });
    await addField(panel, "Name.FamilyName", "Achternaam", { offered: true });
    await addField(panel, "Name.Convention");
    await panel.getByLabel("Type of Name.Convention", { exact: true }).selectOption("fixed");
    await panel.getByLabel("Fixed value for Name.Convention", { exact: true }).fill("B");

    await page.getByRole("tab", { name: /Contract/ }).click();
    await panel.getByText("Source fields offered: the 16 columns of contracts.csv.").waitFor();
    await addField(panel, "ExternalId", "Contractnummer", { offered: true });
    const contractOffer = await offered(panel.getByLabel("Source field for ExternalId", { exact: true }));
    expect(contractOffer).toEqual(expect.arrayContaining(["Contractnummer", "Startdatum", "Einddatum", "Afdelingscode", "Leidinggevende"]));
    expect(contractOffer).not.toContain("Roepnaam");
    // Day-first dates and decimal commas: built-in transforms, no script.
    await addField(panel, "StartDate", "Startdatum", { offered: true });
    await addTransform(panel, "StartDate", "date", "dd-mm-yyyy");
    await addField(panel, "EndDate", "Einddatum", { offered: true });
    await addTransform(panel, "EndDate", "date", "dd-mm-yyyy");
    await addField(panel, "Details.Fte", "Fte", { offered: true });
    await addTransform(panel, "Details.Fte", "decimal-comma");
    await addField(panel, "Department.ExternalId", "Afdelingscode", { offered: true });
    await addField(panel, "Department.DisplayName", "Afdelingsnaam", { offered: true });

    await page.getByRole("tab", { name: /Department/ }).click();
    await panel.getByText("Source fields offered: the 5 columns of departments.csv.").waitFor();
    const departmentFields: Array<[string, string]> = [
      ["ExternalId", "Afdelingscode"],
      ["DisplayName", "Naam"],
      ["ParentExternalId", "BovenliggendeAfdeling"],
      ["ManagerExternalId", "Manager"],
    ];
    for (const [field, column] of departmentFields) {
      await panel.getByLabel(`Type of ${field}`, { exact: true }).selectOption("field");
      const input = panel.getByLabel(`Source field for ${field}`, { exact: true });
      expect(await offered(input)).toEqual(["Afdelingscode", "Naam", "Manager", "BovenliggendeAfdeling", "Kostenplaats"]);
      await input.fill(column);
    }

    // 4. Preview on the uploaded files, before any import.
    await page.getByRole("radio", { name: "The uploaded files" }).waitFor();
    expect(await page.getByRole("radio", { name: "The uploaded files" }).isChecked()).toBe(true);
    await page.getByLabel("Person keys (optional)").fill("100142");
    await page.getByRole("button", { name: "Run preview on the uploaded files" }).click();
    const { raw, mapped } = await readPreview(page, "100142");
    expect(raw).toContain('"Afdelingscode": "30RC00-BB"');
    expect(mapped).toContain('"FamilyName": "Hermans"');
    expect(mapped).toContain('"ExternalId": "30RC00-BB"');
    expect(mapped).toContain('"StartDate": "2014-08-01"');
    expect(mapped).toContain('"Fte": 0.9');
    await page.getByText("Read from employees.csv and contracts.csv; not imported.").waitFor();

    await page.getByRole("button", { name: "Save mapping" }).click();
    await page.getByText("Mapping saved").waitFor();
    await expect.poll(() => page.getByText("this source maps no departments").count()).toBe(0);
    // Every rule is a field, fixed value or built-in transform: the mapping holds no script.
    const saved = await portal.stack.api.ownerPrisma.sourceSystem.findFirstOrThrow({ where: { tenantId: tenant.id, name: "SOOR HR" } });
    const rules = Object.values(saved.mapping as Record<string, Record<string, { type: string }>>).flatMap((tab) => Object.values(tab));
    expect(rules.length).toBeGreaterThan(10);
    expect(rules.filter((rule) => rule.type === "complex")).toEqual([]);
    expect(JSON.stringify(saved.mapping)).not.toMatch(/"script"/);
    expect((saved.mapping as { contract: Record<string, unknown> }).contract.StartDate).toEqual({ type: "field", path: "Startdatum", transforms: [{ type: "date", format: "dd-mm-yyyy", output: "date" }] });

    // 5. The first import.
    await sections.getByRole("link", { name: "Imports" }).click();
    await page.getByRole("button", { name: "Import now" }).click();
    const imports = page.getByRole("table", { name: "Imports, newest first" });
    await expect.poll(() => imports.getByText("Completed", { exact: true }).count(), { timeout: 60_000 }).toBe(1);

    // 6. Lisa Hermans' team (30RC00-BB) has no manager: the tree gives the school's director.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Persons" }).click();
    await page.getByRole("search", { name: "Find persons" }).getByLabel("Search").fill("Hermans");
    await page.getByRole("table", { name: "Persons" }).getByRole("link", { name: "Lisa Hermans" }).click();
    await page.getByRole("heading", { level: 1, name: "Lisa Hermans" }).waitFor();
    const manager = page.getByRole("definition").filter({ has: page.getByRole("link", { name: "Karin Verbeek" }) });
    await expect.poll(() => manager.count(), { timeout: 30_000 }).toBe(1);

    // Her contract's day-first start date and decimal-comma FTE, read right.
    await page.getByRole("link", { name: /^Contracts/ }).click();
    const contract = page.getByRole("table", { name: "Contracts, primary first" }).getByRole("row").filter({ hasText: "100142-1" });
    const [start, fte] = await page.evaluate(() => [
      new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(Date.UTC(2014, 7, 1))),
      new Intl.NumberFormat(undefined).format(0.9),
    ]);
    await expect.poll(() => contract.textContent()).toContain(`${start} – open ended`);
    expect(await contract.getByRole("cell").nth(6).textContent()).toBe(fte);
  });

  it("adds an HTTP JSON source with a departments endpoint from the form", { timeout: 60_000 }, async () => {
    const { ownerEmail, ownerPassword, tenantSlug } = portal.stack.seed;
    page = portal.page;
    await signIn(page, ownerEmail, ownerPassword);
    await page.waitForURL(`**/t/${tenantSlug}/dashboard`);
    await page.goto(`/t/${tenantSlug}/source-systems`);
    await page.getByRole("link", { name: "Add source system" }).click();
    await page.getByLabel("Name", { exact: true }).fill("HR API");
    await page.getByRole("radio", { name: /HTTP JSON/ }).check();
    const json = page.getByLabel("Settings (JSON)");
    await json.fill(JSON.stringify({ url: "https://hr.example/api/persons", recordsPath: "data", pagination: { type: "none" }, auth: { type: "none" } }));
    await page.getByLabel("Departments endpoint").fill("https://hr.example/api/departments");
    await page.getByLabel("Departments records path").fill("data");
    // The form and the JSON edit one object.
    await expect.poll(async () => JSON.parse(await json.inputValue()).departments).toEqual({ url: "https://hr.example/api/departments", recordsPath: "data" });
    await page.getByRole("button", { name: "Add source system" }).click();
    await page.getByRole("heading", { level: 1, name: "HR API" }).waitFor();
    const stored = await portal.stack.api.ownerPrisma.sourceSystem.findFirstOrThrow({ where: { name: "HR API" } });
    expect((stored.settings as { departments?: unknown }).departments).toMatchObject({ url: "https://hr.example/api/departments", recordsPath: "data" });
  });

  /** Adds a built-in transform (with its date format) to a row of the open mapping tab. */
  async function addTransform(tabPanel: Locator, field: string, kind: "date" | "decimal-comma", dateFormat?: string) {
    await tabPanel.getByRole("button", { name: `Add transform to ${field}` }).click();
    await tabPanel.getByLabel(`Kind of transform for ${field}, transform 1`, { exact: true }).selectOption(kind);
    if (dateFormat) await tabPanel.getByLabel(`Date format for ${field}, transform 1`, { exact: true }).selectOption(dateFormat);
  }
});
