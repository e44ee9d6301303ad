import { describe, expect, it } from "vitest";
import { byExternalId, personsOf, snapshotOf, useFactories, waitForImport, type FactoryTenant } from "@idlife/testing";

const ctx = useFactories({ worker: true });

/** A raw person as the HR layout's CSV source stores it: person columns with the contract rows in Contracts. */
const rawPerson = (id: string, familyName: string, contracts: Array<{ Contract: string; Start: string }>) => ({
  Id: id,
  Roepnaam: `Given${id}`,
  Achternaam: familyName,
  Geboortedatum: "1980-01-01",
  Contracts: contracts.map((contract) => ({ ...contract, Einde: "", Fte: "1", Leidinggevende: "" })),
});

/** A tenant with an HR source that takes pushes, three persons imported the usual way, and a key allowed to push. */
async function tenantWithPushSource() {
  const tenant = await ctx.newTenant();
  const source = await ctx.newSourceSystem(tenant);
  const enabled = await tenant.client.patch(`/api/v1/source-systems/${source.id}`, { settings: { layout: "single", persons: { delimiter: ";", personKey: "Id", contractColumns: ["Contract", "Start", "Einde", "Fte", "Leidinggevende"] }, push: { enabled: true } } });
  expect(enabled.status, enabled.text).toBe(200);
  expect(enabled.body.settings.push).toEqual({ enabled: true });
  await ctx.newPersons(tenant, [{ externalId: "1000", familyName: "Bakker" }, { externalId: "1001", familyName: "Vries" }, { externalId: "1002", familyName: "Smit" }], { source });
  const key = await ctx.newApiKey(tenant, ["read", "write"]);
  return { tenant, source, integrator: key.client };
}

async function pushAndWait(tenant: FactoryTenant, client: { post(path: string, body: unknown): Promise<{ status: number; body: any; text: string }> }, sourceId: string, body: unknown) {
  const pushed = await client.post(`/api/v1/source-systems/${sourceId}/records`, body);
  expect(pushed.status, pushed.text).toBe(202);
  expect(pushed.body).toMatchObject({ trigger: "push", status: "queued" });
  return waitForImport(tenant.client, pushed.body.id);
}

describe("records pushed to a source system", () => {
  it("changes the pushed person within one run and decides no one else", async () => {
    const { tenant, source, integrator } = await tenantWithPushSource();
    const before = await personsOf(tenant.client);
    const untouched = await Promise.all(["1000", "1002"].map((id) => tenant.client.get(`/api/v1/persons/${byExternalId(before, id).id}`).then((response) => response.body)));

    // 1001 married (a new family name) and took a second contract.
    const run = await pushAndWait(tenant, integrator, source.id, {
      records: [rawPerson("1001", "Vries-Jansen", [{ Contract: "1001-1", Start: "2020-01-01" }, { Contract: "1001-2", Start: "2024-08-01" }])],
    });
    expect(run.status, JSON.stringify(run)).toBe("completed");
    expect(run.counts).toMatchObject({ fetched: 1, remapped: 1, changed: 1, added: 0, removed: 0, personsChanged: 1 });
    const snapshot = await snapshotOf(tenant.client, run.id);
    expect(snapshot).toMatchObject({ status: "completed", mode: "incremental", counts: { considered: 1, changed: 1, added: 0, persons: 3 } });

    const jan = await ctx.personByExternalId(tenant, "1001");
    expect(jan.data.Name.FamilyName).toBe("Vries-Jansen");
    expect(jan.data.Contracts.map((contract: { ExternalId: string }) => contract.ExternalId).sort()).toEqual(["1001-1", "1001-2"]);
    const history = (await tenant.client.get(`/api/v1/persons/${jan.id}/history`)).body as Array<{ field: string; cause: string; newValue: unknown }>;
    expect(history.find((entry) => entry.field === "Name.FamilyName")).toMatchObject({ cause: "import", newValue: "Vries-Jansen" });

    // The others were not decided again: same row, no new history.
    for (const person of untouched) {
      const now = (await tenant.client.get(`/api/v1/persons/${person.id}`)).body;
      expect(now.updatedAt).toBe(person.updatedAt);
      const theirs = (await tenant.client.get(`/api/v1/persons/${person.id}/history`)).body as Array<{ field: string }>;
      expect(theirs.filter((entry) => entry.field === "Name.FamilyName")).toEqual([]);
    }

    // The raw data view shows the source as it stands after the push: all three, 1001 as pushed.
    const raw = (await tenant.client.get(`/api/v1/source-systems/${source.id}/raw-records`)).body;
    expect(raw.importId).toBe(run.id);
    expect(raw.items.map((item: { sourceKey: string }) => item.sourceKey)).toEqual(["1000", "1001", "1002"]);
    expect(raw.items.find((item: { sourceKey: string }) => item.sourceKey === "1001").data.Achternaam).toBe("Vries-Jansen");
    // Only the pushed record was stored as a new version.
    expect(await ctx.api.ownerPrisma.rawRecord.count({ where: { importId: run.id } })).toBe(1);
  });

  it("adds a pushed new person and makes a removed one former, leaving the rest", async () => {
    const { tenant, source, integrator } = await tenantWithPushSource();
    const run = await pushAndWait(tenant, integrator, source.id, { records: [rawPerson("1005", "Yilmaz", [{ Contract: "1005-1", Start: "2021-01-01" }])], removed: ["1002"] });
    expect(run.status, JSON.stringify(run)).toBe("completed");
    expect(run.counts).toMatchObject({ added: 1, removed: 1, personsAdded: 1, personsBecameFormer: 1 });
    const persons = await personsOf(tenant.client);
    expect(byExternalId(persons, "1005")).toMatchObject({ status: "active", displayName: "Given1005 Yilmaz" });
    expect(byExternalId(persons, "1002").status).toBe("former");
    expect(byExternalId(persons, "1000").status).toBe("active");
    expect(byExternalId(persons, "1001").status).toBe("active");
    const raw = (await tenant.client.get(`/api/v1/source-systems/${source.id}/raw-records`)).body;
    expect(raw.items.map((item: { sourceKey: string }) => item.sourceKey)).toEqual(["1000", "1001", "1005"]);

    // The dashboard's last import of the source stays the last real import: pushes would hide a failed one.
    const imports = (await tenant.client.get(`/api/v1/source-systems/${source.id}/imports`)).body as Array<{ id: string; trigger: string }>;
    const dashboard = (await tenant.client.get("/api/v1/dashboard")).body as { sourceSystems: Array<{ id: string; lastImport: { id: string } }> };
    expect(dashboard.sourceSystems.find((entry) => entry.id === source.id)!.lastImport.id).toBe(imports.find((entry) => entry.trigger !== "push")!.id);
    // The source's imports can be read without the pushes, or the pushes alone.
    const pushes = (await tenant.client.get(`/api/v1/source-systems/${source.id}/imports?trigger=push`)).body as Array<{ id: string }>;
    expect(pushes.map((entry) => entry.id)).toEqual([run.id]);
    expect((await tenant.client.get(`/api/v1/source-systems/${source.id}/imports?trigger=manual`)).body).toHaveLength(1);

    // "Import now" is not held up by pushes, and an import still speaks for the whole source.
    const started = await tenant.client.post(`/api/v1/source-systems/${source.id}/imports`, {});
    expect(started.status, started.text).toBe(202);
  });

  it("holds a push that crosses the source's safety thresholds until it is approved", async () => {
    const { tenant, source, integrator } = await tenantWithPushSource();
    expect((await tenant.client.patch(`/api/v1/source-systems/${source.id}`, { thresholds: { removed: { percent: 10 } } })).status).toBe(200);
    const run = await pushAndWait(tenant, integrator, source.id, { removed: ["1002"] });
    expect(run.status, JSON.stringify(run)).toBe("blocked");
    expect(run.thresholdReport.wouldRemove).toMatchObject({ count: 1, sample: ["1002"] });
    expect((await ctx.personByExternalId(tenant, "1002")).status).toBe("active");

    const approved = await tenant.client.post(`/api/v1/imports/${run.id}/approve`, {});
    expect(approved.status, approved.text).toBe(201);
    expect((await waitForImport(tenant.client, run.id)).status).toBe("completed");
    expect((await ctx.personByExternalId(tenant, "1002")).status).toBe("former");
    expect((await ctx.personByExternalId(tenant, "1000")).status).toBe("active");
  });

  it("of pushes of one person sent back to back, the later one wins", async () => {
    const { tenant, source, integrator } = await tenantWithPushSource();
    const names = ["Eerst", "Daarna", "Laatst"];
    const answers = [];
    for (const name of names) answers.push(await integrator.post(`/api/v1/source-systems/${source.id}/records`, { records: [rawPerson("1001", name, [{ Contract: "1001-1", Start: "2020-01-01" }])] }));
    for (const answer of answers) expect((await waitForImport(tenant.client, answer.body.id)).status).toBe("completed");
    expect((await ctx.personByExternalId(tenant, "1001")).data.Name.FamilyName).toBe("Laatst");
    const raw = (await tenant.client.get(`/api/v1/source-systems/${source.id}/raw-records?search=1001`)).body;
    expect(raw.items.find((item: { sourceKey: string }) => item.sourceKey === "1001").data.Achternaam).toBe("Laatst");
  });

  it("refuses bad pushes with a clear reason and stores nothing", async () => {
    const { tenant, source, integrator } = await tenantWithPushSource();
    const push = (body: unknown) => integrator.post(`/api/v1/source-systems/${source.id}/records`, body);
    const tooMany = await push({ records: Array.from({ length: 1001 }, (_, index) => ({ Id: String(index) })) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.text).toContain("at most 1000 records per push");
    const withoutKey = await push({ records: [{ Id: "1003", Achternaam: "Visser" }, { Achternaam: "Zonder" }] });
    expect(withoutKey.status).toBe(400);
    expect(withoutKey.body.error).toMatchObject({ code: "record_without_key" });
    expect(withoutKey.body.error.message).toContain("records.1 has no value at 'Id'");
    const twice = await push({ records: [{ Id: "1003" }, { Id: "1003" }] });
    expect(twice.status).toBe(400);
    expect(twice.body.error.code).toBe("duplicate_key");
    const prototype = await integrator.request("POST", `/api/v1/source-systems/${source.id}/records`, { rawBody: '{"records":[{"Id":"1003","__proto__":{"admin":true}}]}', headers: { "content-type": "application/json" } });
    expect(prototype.status).toBe(400);
    expect(prototype.body.error.code).toBe("forbidden_key");
    const nul = await push({ records: [{ Id: "1003", Achternaam: "Vis\u0000ser" }] });
    expect(nul.status).toBe(400);
    expect(nul.body.error.code).toBe("invalid_characters");
    const huge = await push({ records: [{ Id: "1003", Notes: "x".repeat(70_000) }] });
    expect(huge.status).toBe(400);
    expect(huge.text).toContain("at most 65536 are allowed");
    const empty = await push({ records: [] });
    expect(empty.status).toBe(400);

    expect(await ctx.api.ownerPrisma.import.count({ where: { sourceSystemId: source.id, trigger: "push" } })).toBe(0);
    expect(await ctx.api.ownerPrisma.sourceUpload.count({ where: { sourceSystemId: source.id, role: "push" } })).toBe(0);
    expect(await personsOf(tenant.client)).toHaveLength(3);
  });

  it("answers 404 for another tenant's source, 409 where pushes are off, and refuses read-only keys", async () => {
    const { tenant, source } = await tenantWithPushSource();
    const other = await ctx.newTenant();
    const body = { records: [rawPerson("1001", "Anders", [])] };
    const foreign = await other.client.post(`/api/v1/source-systems/${source.id}/records`, body);
    expect(foreign.status).toBe(404);

    const closed = await ctx.newSourceSystem(tenant);
    const refused = await tenant.client.post(`/api/v1/source-systems/${closed.id}/records`, body);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "push_disabled" });
    expect(refused.body.error.message).toContain("settings.push.enabled");

    const reader = await ctx.newApiKey(tenant, ["read"]);
    expect((await reader.client.post(`/api/v1/source-systems/${source.id}/records`, body)).status).toBe(403);

    const badSetting = await tenant.client.patch(`/api/v1/source-systems/${closed.id}`, { settings: { layout: "single", persons: { delimiter: ";", personKey: "Id" }, push: { enabled: "yes" } } });
    expect(badSetting.status).toBe(400);
    expect(badSetting.body.error.message).toContain("push.enabled");
    expect(await ctx.api.ownerPrisma.import.count({ where: { tenantId: { in: [tenant.tenantId, other.tenantId] }, trigger: "push" } })).toBe(0);
  });
});
