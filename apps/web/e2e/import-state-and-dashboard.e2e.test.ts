import { readFileSync } from "node:fs";
import { TEST_PASSWORD, type TestClient } from "@idlife/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// A worker on this stack's database and queues, as in production.
import { startTestWorker } from "@idlife/testing";
import { signIn } from "./browser.ts";
import { usePortal } from "./portal.ts";

// An import that blocks persons is not a green "Completed", and the dashboard shows the tenant's
// facts (persons by status, last imports, blocked persons, merge suggestions, what needs attention).
const portal = usePortal();
let worker: Awaited<ReturnType<typeof startTestWorker>>;

beforeAll(async () => {
  worker = await startTestWorker(portal.stack.api, { FIXED_TODAY: "2026-11-22" });
});
afterAll(async () => worker?.close());

const examples = new URL("../../../examples/", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, examples)).toString("utf8");
const exampleMapping = JSON.parse(read("mappings/hr-visma-raet.json"));

/** The example HR export (60 persons) as a source whose Name.Initials script is given, imported once. */
async function importExample(client: TestClient, name: string, initialsScript: string) {
  const created = await client.post("/api/v1/source-systems", {
    name,
    connectorType: "csv",
    settings: JSON.parse(read("sources/hr-visma-raet.csv-settings.json")),
    mapping: { ...exampleMapping, person: { ...exampleMapping.person, "Name.Initials": { type: "complex", script: initialsScript } } },
  });
  expect(created.status, created.text).toBe(201);
  for (const [role, file] of [["persons", "hr/employees.csv"], ["contracts", "hr/contracts.csv"], ["departments", "hr/departments.csv"]] as const) {
    const upload = await client.request("PUT", `/api/v1/source-systems/${created.body.id}/uploads/${role}`, { rawBody: read(file), headers: { "content-type": "text/csv", "x-file-name": `${role}.csv` } });
    expect(upload.status, upload.text).toBe(200);
  }
  const started = await client.post(`/api/v1/source-systems/${created.body.id}/imports`, {});
  expect(started.status, started.text).toBe(202);
  for (let attempt = 0; attempt < 600; attempt++) {
    const run = (await client.get(`/api/v1/imports/${started.body.id}`)).body;
    if (!["queued", "running"].includes(run.status)) return { sourceId: created.body.id as string, run };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import of ${name} did not finish`);
}

const total = async (client: TestClient, status: string) => (await client.get(`/api/v1/persons?limit=1&status=${status}`)).body.total as number;

describe("import states and the dashboard, in the browser", () => {
  it("shows an import that blocked 2 of 60 persons in amber with its person counts, and the dashboard's facts with links", { timeout: 120_000 }, async () => {
    const { api } = portal.stack;
    const { client, email, slug, tenantId } = await api.createTenantWithMember("owner");
    const hr = await importExample(client, "Visma Raet export", "if (['100101', '100102'].includes(source.Personeelsnummer)) throw new Error('Voorletters ontbreken');\nreturn source.Voorletters;");
    expect(hr.run.state).toBe("completed_with_blocked");
    const payroll = await importExample(client, "Payroll", "throw new Error('Voorletters ontbreken');");
    expect(payroll.run.state).toBe("blocked");
    // One possible duplicate waiting for a decision.
    const [first, second] = await api.ownerPrisma.personSource.findMany({ where: { tenantId, sourceSystemId: hr.sourceId, NOT: { personId: null } }, take: 2, orderBy: { externalId: "asc" } });
    await api.ownerPrisma.mergeSuggestion.create({ data: { tenantId, personSourceId: first!.id, candidatePersonId: second!.personId!, score: 93 } });
    const expected = { active: await total(client, "active"), future: await total(client, "future"), former: await total(client, "former") };
    expect(expected.active + expected.future + expected.former).toBe(58);

    const { page } = portal;
    await signIn(page, email, TEST_PASSWORD);
    await page.waitForURL(`**/t/${slug}/dashboard`);
    const main = page.getByRole("main");

    // Persons by status, each a link to the filtered list.
    for (const [status, count] of Object.entries(expected)) {
      const card = main.getByRole("link", { name: `${status[0]!.toUpperCase()}${status.slice(1)} persons: ${count}`, exact: true });
      await card.waitFor();
      expect(await card.getAttribute("href")).toBe(`/t/${slug}/persons?status=${status}`);
    }
    expect(await main.getByRole("link", { name: "Blocked persons: 2", exact: true }).getAttribute("href")).toBe(`/t/${slug}/source-systems/${hr.sourceId}/blocked-persons`);
    await main.getByRole("link", { name: "Merge suggestions waiting: 1", exact: true }).waitFor();

    // What needs attention: the held import and the one that blocked persons.
    const attention = main.getByRole("region", { name: "Needs attention" });
    await attention.getByRole("link", { name: "Import waits for approval: Payroll" }).waitFor();
    expect(await attention.textContent()).toContain("60 persons are blocked by the mapping (100% of 60 delivered); the limit is 10%");
    await attention.getByRole("link", { name: "Import blocked persons: Visma Raet export" }).waitFor();

    // Each source's last import: state, time and person counts.
    const sources = main.getByRole("table", { name: "Last import of each source system" });
    const hrRow = sources.getByRole("row").filter({ hasText: "Visma Raet export" });
    expect(await hrRow.getByText("Completed, 2 blocked", { exact: true }).getAttribute("class")).toContain("badge--warning");
    expect(await hrRow.textContent()).toContain("58 added · 0 changed · 0 removed · 2 blocked");
    const payrollRow = sources.getByRole("row").filter({ hasText: "Payroll" });
    await payrollRow.getByText("Blocked", { exact: true }).waitFor();
    expect(await payrollRow.textContent()).toContain("0 added · 0 changed · 0 removed · 60 blocked");

    // The import itself: amber, not green, with person counts and the way to the blocked persons.
    await hrRow.getByRole("link", { name: "Imports of Visma Raet export" }).click();
    await page.waitForURL(`**/source-systems/${hr.sourceId}/imports`);
    const imports = page.getByRole("table", { name: "Imports, newest first" });
    const run = imports.getByRole("row").nth(1);
    expect(await run.getByText("Completed, 2 blocked", { exact: true }).getAttribute("class")).toContain("badge--warning");
    const headers = await imports.getByRole("columnheader").allTextContents();
    const cells = await run.getByRole("cell").allTextContents();
    const cell = (header: string) => cells[headers.indexOf(header)];
    expect([cell("Delivered"), cell("Added"), cell("Changed"), cell("Removed"), cell("Blocked")]).toEqual(["60", "58", "0", "0", "2"]);
    const notice = page.getByRole("status").filter({ hasText: "2 persons blocked by the mapping" });
    await notice.waitFor();
    await notice.getByRole("link", { name: "See the blocked persons and why" }).click();
    await page.waitForURL(`**/source-systems/${hr.sourceId}/blocked-persons`);
    await page.getByText("100101").first().waitFor();
  });
});
