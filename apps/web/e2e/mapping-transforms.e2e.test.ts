import { TEST_PASSWORD } from "@idlife/api/testing";
import { describe, expect, it } from "vitest";
import { signIn } from "./browser.ts";
import { addField, readPreview } from "./mapping-steps.ts";
import { usePortal } from "./portal.ts";

// Day-first birth dates that all read both ways, and gender codes: what a payroll export delivers.
const csv = ["Id;Achternaam;Geslacht;Geboren", "1001;Vries;V;03-04-1980", "1002;Amrani;M;11-12-1975"].join("\n") + "\n";

describe("built-in transforms in the mapping editor", () => {
  // Imports run on the worker, as in production.
  const portal = usePortal({ worker: true });

  it("adds a date format and a lookup table, previews the transformed values and warns about day-first or month-first dates", { timeout: 120_000 }, async () => {
    // A source with one import of raw data, made through the API; the browser does the mapping.
    const { client, slug, email } = await portal.stack.api.createTenantWithMember("owner");
    const created = await client.post("/api/v1/source-systems", {
      name: "Payroll",
      connectorType: "csv",
      settings: { layout: "single", persons: { delimiter: ";", personKey: "Id" } },
      mapping: { person: { ExternalId: { type: "field", path: "Id" }, "Name.FamilyName": { type: "field", path: "Achternaam" } }, contract: {} },
    });
    expect(created.status, created.text).toBe(201);
    const sourceId = created.body.id as string;
    const upload = await client.request("PUT", `/api/v1/source-systems/${sourceId}/uploads/persons`, { rawBody: csv, headers: { "content-type": "text/csv", "x-file-name": "salaris.csv" } });
    expect(upload.status, upload.text).toBe(200);
    const started = await client.post(`/api/v1/source-systems/${sourceId}/imports`, {});
    await expect.poll(async () => (await client.get(`/api/v1/imports/${started.body.id}`)).body.status, { timeout: 30_000 }).toBe("completed");

    const { page } = portal;
    await signIn(page, email, TEST_PASSWORD);
    await page.waitForURL(`**/t/${slug}/**`);
    await page.goto(`/t/${slug}/source-systems/${sourceId}/mapping`);
    const personFields = page.getByRole("tabpanel");
    await personFields.getByLabel("Source field for ExternalId", { exact: true }).waitFor();

    await addField(personFields, "Details.BirthDate", "Geboren");
    await addField(personFields, "Details.Gender", "Geslacht");

    await personFields.getByRole("button", { name: "Add transform to Details.BirthDate" }).click();
    await personFields.getByLabel("Kind of transform for Details.BirthDate, transform 1", { exact: true }).selectOption("date");
    await personFields.getByLabel("Date format for Details.BirthDate, transform 1", { exact: true }).selectOption("d-m-yyyy");

    await personFields.getByRole("button", { name: "Add transform to Details.Gender" }).click();
    await personFields.getByLabel("Kind of transform for Details.Gender, transform 1", { exact: true }).selectOption("lookup");
    await personFields.getByLabel("Lookup table for Details.Gender, transform 1", { exact: true }).fill("M = Male\nV = Female");

    await page.getByRole("button", { name: "Run preview" }).click();
    const { mapped } = await readPreview(page, "1001");
    expect(mapped).toContain('"BirthDate": "1980-04-03"');
    expect(mapped).toContain('"Gender": "Female"');
    await page.getByText(/person field Details\.BirthDate \(source field Geboren\): every sampled value, like "03-04-1980", reads as a date both day-first and month-first/).waitFor();

    // Saved and read back, the transforms are still there.
    await page.getByRole("button", { name: "Save mapping" }).click();
    await page.getByText("Mapping saved").waitFor();
    const saved = await client.get(`/api/v1/source-systems/${sourceId}`);
    expect(saved.body.mapping.person["Details.Gender"]).toEqual({ type: "field", path: "Geslacht", transforms: [{ type: "lookup", entries: [["M", "Male"], ["V", "Female"]], unknown: "block" }] });
  });
});
