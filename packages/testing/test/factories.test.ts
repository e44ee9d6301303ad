// The factories make what they say, in the tenant given, through the API: the audit log and the
// API's own answers are the evidence, not rows written behind its back.
import { describe, expect, it } from "vitest";
import { importNow, useFactories, type FactoryTenant } from "../src/index.ts";

const ctx = useFactories({ worker: true });

const auditOf = async (tenant: FactoryTenant, query: string) => {
  const response = await tenant.owner.client.get(`/api/v1/audit-log?${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body.items as Array<{ action: string; targetId: string; after: Record<string, unknown> | null }>;
};

describe("domain factories", () => {
  it("newTenant gives a tenant whose client speaks as a member of the role asked, invited and accepted through the API", async () => {
    const tenant = await ctx.newTenant({ role: "auditor" });
    expect(tenant.role).toBe("auditor");
    expect(tenant.email).not.toBe(tenant.owner.email);
    // The auditor reads but may not configure; the owner may.
    expect((await tenant.client.get("/api/v1/source-systems")).status).toBe(200);
    expect((await tenant.client.post("/api/v1/source-systems", { name: "X", connectorType: "csv", settings: { layout: "single", persons: { personKey: "Id" } }, mapping: { person: {}, contract: {} } })).status).toBe(403);
    const added = await auditOf(tenant, "action=member.add");
    expect(added.map((entry) => entry.after)).toEqual([expect.objectContaining({ email: tenant.email, role: "auditor" })]);
  });

  it("newMember adds a member to the tenant given only", async () => {
    const tenant = await ctx.newTenant();
    const other = await ctx.newTenant();
    const operator = await ctx.newMember(tenant, "operator");
    expect(operator.role).toBe("operator");
    expect((await operator.client.get("/api/v1/persons")).status).toBe(200);
    expect((await operator.client.forTenant(other.tenantId).get("/api/v1/persons")).status).toBe(403);
    expect(await auditOf(other, "action=member.add")).toEqual([]);
  });

  it("newSourceSystem creates the source in the tenant given, audited, with sensible defaults", async () => {
    const tenant = await ctx.newTenant();
    const other = await ctx.newTenant();
    const source = await ctx.newSourceSystem(tenant);
    const shown = await tenant.client.get(`/api/v1/source-systems/${source.id}`);
    expect(shown.status, shown.text).toBe(200);
    expect(shown.body).toMatchObject({ name: source.name, connectorType: "csv" });
    expect((await auditOf(tenant, "action=source_system.create")).map((entry) => entry.targetId)).toEqual([source.id]);
    expect((await other.client.get(`/api/v1/source-systems/${source.id}`)).status).toBe(404);
    expect(await auditOf(other, "action=source_system.create")).toEqual([]);
  });

  it("newSourceSystem takes its own columns, mapping and thresholds, and the API validates them", async () => {
    const tenant = await ctx.newTenant();
    const mapping = { person: { ExternalId: { type: "field", path: "Nr" }, "Name.FamilyName": { type: "field", path: "Naam" } }, contract: {} };
    const source = await ctx.newSourceSystem(tenant, { name: "Leerlingen", columns: ["Nr", "Naam"], personKey: "Nr", mapping, thresholds: { blocked: { count: 3 } } });
    const shown = (await tenant.client.get(`/api/v1/source-systems/${source.id}`)).body;
    expect(shown).toMatchObject({ name: "Leerlingen", mapping });
    const run = await ctx.importCsv(tenant, source, [{ Nr: "L1", Naam: "Visser" }, "L2;Smit"]);
    expect(run.counts).toMatchObject({ fetched: 2, added: 2 });
    // A mapping the API refuses fails the factory with the API's answer.
    await expect(ctx.newSourceSystem(tenant, { mapping: { person: { "Name.Nope": { type: "field", path: "Id" } }, contract: {} } })).rejects.toThrow(/invalid_mapping|400/);
  });

  it("newPersons imports persons with their contracts through a source and returns them as the API shows them", async () => {
    const tenant = await ctx.newTenant();
    const other = await ctx.newTenant();
    const [jan, fatima] = await ctx.newPersons(tenant, [
      { externalId: "1001", givenName: "Jan", familyName: "de Vries", contracts: [{ externalId: "C1", startDate: "2019-08-01" }, { externalId: "C2", startDate: "2021-08-01", fte: 0.4, managerExternalId: "1002" }] },
      { externalId: "1002", givenName: "Fatima", familyName: "el Amrani" },
    ]);
    expect(jan).toMatchObject({ externalId: "1001", displayName: "Jan de Vries", status: "active" });
    expect(jan!.data.Contracts.map((contract: { ExternalId: string }) => contract.ExternalId).sort()).toEqual(["C1", "C2"]);
    expect(fatima).toMatchObject({ externalId: "1002", displayName: "Fatima el Amrani" });
    // Made by an import: the source's import and the persons' history say so.
    const imports = (await tenant.client.get(`/api/v1/source-systems/${jan!.sourceSystemIds[0]}/imports`)).body;
    expect(imports).toEqual([expect.objectContaining({ state: "completed", persons: expect.objectContaining({ added: 2 }) })]);
    expect((await other.client.get("/api/v1/persons")).body.total).toBe(0);
  });

  it("newExampleSource creates an example source of the tenant with its files uploaded, ready to import", async () => {
    const tenant = await ctx.newTenant();
    const source = await ctx.newExampleSource(tenant, "hr-visma-raet");
    expect((await tenant.client.get(`/api/v1/source-systems/${source.id}`)).body).toMatchObject({ name: "Visma Raet export", connectorType: "csv" });
    const run = await importNow(tenant.client, source.id);
    expect(run.counts).toMatchObject({ fetched: 60, departments: 45 });
  });

  it("importCsv fails the test when the import does not end as expected, unless told otherwise", async () => {
    const tenant = await ctx.newTenant();
    const source = await ctx.newSourceSystem(tenant);
    await expect(ctx.importCsv(tenant, source, 'Id,Roepnaam\n1,"Jan\n')).rejects.toThrow(/failed/);
    const failed = await ctx.importCsv(tenant, source, 'Id,Roepnaam\n1,"Jan\n', { expectStatus: "failed" });
    expect(failed.status).toBe("failed");
  });

  it("newApiKey gives a key of the tenant with the scopes asked, and a client that uses it", async () => {
    const tenant = await ctx.newTenant();
    const key = await ctx.newApiKey(tenant, ["read"]);
    expect((await key.client.get("/api/v1/persons")).status).toBe(200);
    expect((await key.client.post("/api/v1/source-systems", {})).status).toBe(403);
    const created = await auditOf(tenant, "action=api_key.create");
    expect(created).toEqual([expect.objectContaining({ targetId: key.id, after: expect.objectContaining({ scopes: ["read"] }) })]);
  });
});
