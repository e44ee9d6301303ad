import { beforeAll, describe, expect, it } from "vitest";
import { signInAsSeededOwner, usePortal } from "./portal.ts";

const portal = usePortal();

/** A school's department, a teacher and her manager in the demo tenant, and the teacher's history. */
async function arrangeSchool() {
  const { api, seed } = portal.stack;
  const prisma = api.ownerPrisma;
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { slug: seed.tenantSlug } });
  const source = await prisma.sourceSystem.create({ data: { tenantId: tenant.id, name: "HR export", connectorType: "csv", settings: { layout: "single", persons: { personKey: "Id" } } } });
  await prisma.department.create({ data: { tenantId: tenant.id, sourceSystemId: source.id, externalId: "SCH1", displayName: "Basisschool De Regenboog" } });
  const person = (externalId: string, displayName: string, data: Record<string, unknown>) => ({
    tenantId: tenant.id,
    externalId,
    displayName,
    status: "active" as const,
    departmentId: "SCH1",
    primaryContractId: `C-${externalId}`,
    data: { ExternalId: externalId, DisplayName: displayName, PrimaryContract: { ExternalId: `C-${externalId}` }, ...data },
    sourceSystemIds: [source.id],
    searchText: displayName.toLowerCase(),
  });
  await prisma.person.create({ data: person("M-1", "Marieke Jansen", { Contracts: [{ ExternalId: "C-M-1", Department: { ExternalId: "SCH1" } }] }) });
  const teacher = await prisma.person.create({
    data: person("T-1", "Ingrid Bosman", {
      Contracts: [{ ExternalId: "C-T-1", StartDate: "2020-08-01", Title: { Name: "Leerkracht" }, Department: { ExternalId: "SCH1" }, Manager: { ExternalId: "M-1" } }],
    }),
  });
  await prisma.personHistory.create({
    data: { tenantId: tenant.id, personId: teacher.id, field: "Person", kind: "added", newValue: { ExternalId: "T-1", DisplayName: "Ingrid Bosman" }, cause: "import", at: new Date("2026-11-01T07:00:00Z") },
  });
  await prisma.personHistory.create({
    data: { tenantId: tenant.id, personId: teacher.id, field: "Contracts[C-T-2]", kind: "added", newValue: { ExternalId: "C-T-2", Title: { Name: "Intern begeleider" } }, cause: "import", at: new Date("2026-11-02T07:00:00Z") },
  });
  return { teacher };
}

describe("the persons list and a person's tabs, in the browser", () => {
  let teacherId: string;
  beforeAll(async () => {
    teacherId = (await arrangeSchool()).teacher.id;
  });

  async function openTab(name: RegExp | string) {
    const { page, stack } = portal;
    await page.goto(`/t/${stack.seed.tenantSlug}/persons/${teacherId}`);
    await page.getByRole("heading", { level: 1, name: "Ingrid Bosman" }).waitFor();
    await page.getByRole("navigation", { name: "Person sections" }).getByRole("link", { name }).click();
  }

  it("the list names each person's department, its code beside it", { timeout: 60_000 }, async () => {
    const { page, stack } = portal;
    await signInAsSeededOwner(portal);
    await page.goto(`/t/${stack.seed.tenantSlug}/persons`);
    const row = page.getByRole("table", { name: "Persons" }).getByRole("row").filter({ has: page.getByRole("link", { name: "Ingrid Bosman" }) });
    await row.waitFor();
    const department = row.getByRole("cell").nth(4);
    expect(await department.textContent()).toBe("Basisschool De Regenboog SCH1");
    expect(await department.locator("[title]").getAttribute("title")).toBe("Department code SCH1");
  });

  it("the Contracts tab names each contract's manager, linked to her page", { timeout: 60_000 }, async () => {
    const { page } = portal;
    await signInAsSeededOwner(portal);
    await openTab(/Contracts/);
    const contracts = page.getByRole("table", { name: "Contracts, primary first" });
    await contracts.getByRole("row").nth(1).getByRole("link", { name: "Marieke Jansen" }).click();
    await page.getByRole("heading", { level: 1, name: "Marieke Jansen" }).waitFor();
  });

  it("History lists what an entry added, each field with its value", { timeout: 60_000 }, async () => {
    const { page } = portal;
    await signInAsSeededOwner(portal);
    await openTab("History");
    const added = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Contract C-T-2 · Title.Name", exact: true }) });
    await added.waitFor();
    expect(await added.getByRole("insertion").textContent()).toBe("Intern begeleider");
    const newPerson = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Person · DisplayName", exact: true }) });
    expect(await newPerson.getByRole("insertion").textContent()).toBe("Ingrid Bosman");
    expect(await page.getByText(/Added: \d+ fields/).count()).toBe(0);
  });
});
