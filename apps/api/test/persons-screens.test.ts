import { describe, expect, it } from "vitest";
import { useFactories } from "@idlife/testing";
import { arrangePersonsOfTenant } from "./support/arrange-persons.ts";

const ctx = useFactories();

/** A tenant with a department tree and two persons: a teacher and her manager. */
async function arrangeSchool(schoolName: string) {
  const tenant = await ctx.newTenant();
  const { sourceSystemId } = await arrangePersonsOfTenant(ctx.api, tenant.tenantId);
  await ctx.api.ownerPrisma.department.create({ data: { tenantId: tenant.tenantId, sourceSystemId, externalId: "SCH1", displayName: schoolName } });
  const person = (externalId: string, displayName: string, departmentId: string | null, data: Record<string, unknown>) => ({
    tenantId: tenant.tenantId,
    externalId,
    displayName,
    status: "active" as const,
    departmentId,
    data: { ExternalId: externalId, DisplayName: displayName, ...data },
    sourceSystemIds: [sourceSystemId],
    searchText: displayName.toLowerCase(),
  });
  const manager = await ctx.api.ownerPrisma.person.create({ data: person("M-1", "Marieke Jansen", "SCH1", { Contracts: [] }) });
  const teacher = await ctx.api.ownerPrisma.person.create({
    data: person("T-1", "Ingrid Bosman", "SCH1", {
      Contracts: [
        { ExternalId: "C-1", Department: { ExternalId: "SCH1" }, Manager: { ExternalId: "M-1" } },
        { ExternalId: "C-2", Department: { ExternalId: "SCH2" }, Manager: { ExternalId: "UNKNOWN" } },
      ],
    }),
  });
  const elsewhere = await ctx.api.ownerPrisma.person.create({ data: person("T-2", "Noah Visser", "SCH9", { Contracts: [] }) });
  return { ...tenant, manager, teacher, elsewhere };
}

describe("persons list and person: names rather than codes", () => {
  it("lists each person's department by name, from this tenant's departments only", async () => {
    const school = await arrangeSchool("Basisschool De Regenboog");
    await arrangeSchool("Another tenant's school");
    const page = await school.client.get("/api/v1/persons?limit=50");
    expect(page.status).toBe(200);
    const byName = new Map(page.body.items.map((item: any) => [item.displayName, item]));
    expect(byName.get("Ingrid Bosman")).toMatchObject({ departmentId: "SCH1", departmentName: "Basisschool De Regenboog" });
    // No department of that code delivered: the code alone.
    expect(byName.get("Noah Visser")).toMatchObject({ departmentId: "SCH9", departmentName: null });
    const detail = await school.client.get(`/api/v1/persons/${school.teacher.id}`);
    expect(detail.body.departmentName).toBe("Basisschool De Regenboog");
  });

  it("names the managers of a person's contracts who are known persons", async () => {
    const school = await arrangeSchool("Basisschool De Regenboog");
    const other = await arrangeSchool("Another tenant's school");
    const detail = await school.client.get(`/api/v1/persons/${school.teacher.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.contractManagers).toEqual([{ externalId: "M-1", personId: school.manager.id, displayName: "Marieke Jansen" }]);
    expect(JSON.stringify(detail.body.contractManagers)).not.toContain(other.manager.id);
  });
});

describe("person history and personal contact data", () => {
  it("shows a personal field's change to those who may see it, and only that it changed to others", async () => {
    const school = await arrangeSchool("Basisschool De Regenboog");
    await ctx.api.ownerPrisma.personHistory.createMany({
      data: [
        { tenantId: school.tenantId, personId: school.teacher.id, field: "Contact.Personal.Email", kind: "changed", oldValue: "ingrid@thuis.example", newValue: "ingrid@prive.example", cause: "import" },
        { tenantId: school.tenantId, personId: school.teacher.id, field: "*", kind: "added", oldValue: undefined, newValue: { ExternalId: "T-1", Contact: { Personal: { Phone: { Mobile: "0612345678" } }, Business: { Email: "i.bosman@school.example" } } }, cause: "import" },
        { tenantId: school.tenantId, personId: school.teacher.id, field: "Name.FamilyName", kind: "changed", oldValue: "Bos", newValue: "Bosman", cause: "import" },
      ],
    });
    const owner = await school.client.get(`/api/v1/persons/${school.teacher.id}/history`);
    expect(owner.body.find((entry: any) => entry.field === "Contact.Personal.Email")).toMatchObject({ oldValue: "ingrid@thuis.example", newValue: "ingrid@prive.example" });

    const { client: auditor } = await ctx.api.addMember(school.tenantId, "auditor");
    const audited = await auditor.get(`/api/v1/persons/${school.teacher.id}/history`);
    expect(audited.status).toBe(200);
    const fields = new Map(audited.body.map((entry: any) => [entry.field, entry]));
    expect(fields.get("Contact.Personal.Email")).toMatchObject({ kind: "changed", oldValue: "[hidden]", newValue: "[hidden]" });
    expect(fields.get("*")).toMatchObject({ newValue: { ExternalId: "T-1", Contact: { Personal: { Phone: { Mobile: "[hidden]" } }, Business: { Email: "i.bosman@school.example" } } } });
    expect(fields.get("Name.FamilyName")).toMatchObject({ oldValue: "Bos", newValue: "Bosman" });
    for (const secret of ["thuis.example", "prive.example", "0612345678"]) expect(audited.text).not.toContain(secret);
  });
});
