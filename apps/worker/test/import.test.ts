import { describe, expect, it } from "vitest";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { csvOf, fieldCopies, hrMapping, useFactories, waitFor, waitForImport, type FactorySource, type FactoryTenant } from "@idlife/testing";

const ctx = useFactories({ worker: true });

const columns = ["Id", "Roepnaam", "Voorvoegsel", "Achternaam", "Email", "Contract", "Start", "Einde", "Fte", "Functie", "Afdeling", "Leidinggevende"];
const contractColumns = ["Contract", "Start", "Einde", "Fte", "Functie", "Afdeling", "Leidinggevende"];

const baseRows = [
  "1000;Ingrid;;Bakker;i.bakker@school.example;C1000;2015-08-01;;1,0;Bestuurder;BOARD;",
  "1001;Jan;de;Vries;j.devries@school.example;C1001a;2019-08-01;;0,6;Leerkracht;SCH1;1000",
  "1001;Jan;de;Vries;j.devries@school.example;C1001b;2021-08-01;;0,4;Intern begeleider;SCH2;1000",
  "1002;Fatima;el;Amrani;f.elamrani@school.example;C1002;2099-01-01;;0,8;Leerkracht;SCH1;1001",
];

const mapping = {
  person: {
    ExternalId: { type: "field", path: "Id", required: true },
    ...fieldCopies({ "Name.NickName": "Roepnaam", "Name.FamilyNamePrefix": "Voorvoegsel" }),
    "Name.FamilyName": { type: "field", path: "Achternaam", required: true },
    "Name.Convention": { type: "fixed", value: "B" },
    "Contact.Business.Email": { type: "complex", script: "return source.Email.trim().toLowerCase();" },
  },
  contract: {
    ...hrMapping.contract,
    "Details.Fte": { type: "complex", script: "return Number(sourceContract.Fte.replace(',', '.'));" },
    ...fieldCopies({ "Title.Name": "Functie", "Department.ExternalId": "Afdeling" }),
  },
};

/** A tenant (its owner's client) with the HR source of these tests. */
async function tenantWithSource() {
  const tenant = await ctx.newTenant();
  // One blocked person of these three is 33%, above the default 10% blocked limit; these tests
  // block one or two persons on purpose, so the import goes on (import-person-counts tests the limit).
  const source = await ctx.newSourceSystem(tenant, { name: "HR", columns, contractColumns, mapping, thresholds: { blocked: { count: 3 } } });
  return { tenant, client: tenant.client, tenantId: tenant.tenantId, source, sourceId: source.id };
}

/** Imports the file and returns the import however it ended. */
const importFile = (tenant: FactoryTenant, source: FactorySource, content: string | string[]) => ctx.importCsv(tenant, source, content, { expectStatus: null });

/** A tenant with the HR source whose Name.Initials is the given complex script. */
async function sourceWithInitialsScript(script: string) {
  const arranged = await tenantWithSource();
  const patched = await arranged.client.patch(`/api/v1/source-systems/${arranged.sourceId}`, {
    mapping: { ...mapping, person: { ...mapping.person, "Name.Initials": { type: "complex", script } } },
  });
  expect(patched.status, patched.text).toBe(200);
  return arranged;
}

const personByExternalId = (tenant: FactoryTenant, externalId: string) => ctx.personByExternalId(tenant, externalId);

describe("CSV import to persons", () => {
  it("imports persons with contracts, primary contract, manager, display name and status", async () => {
    const { tenant, client, source, sourceId } = await tenantWithSource();
    const run = await importFile(tenant, source, baseRows);
    expect(run.status, JSON.stringify(run)).toBe("completed");
    expect(run.counts).toMatchObject({ fetched: 3, mapped: 3, blocked: 0, added: 3, personsAdded: 3 });

    const jan = await personByExternalId(tenant, "1001");
    expect(jan).toMatchObject({ displayName: "Jan de Vries", status: "active", primaryContractId: "C1001a" });
    expect(jan.data.Contracts).toHaveLength(2);
    expect(jan.data.Contact.Business.Email).toBe("j.devries@school.example");
    expect(jan.data.PrimaryManager).toEqual({ ExternalId: "1000" });
    const fatima = await personByExternalId(tenant, "1002");
    expect(fatima).toMatchObject({ displayName: "Fatima el Amrani", status: "future" });

    const raw = await client.get(`/api/v1/source-systems/${sourceId}/raw-records?search=amrani`);
    expect(raw.body.total).toBe(1);
    expect(raw.body.items[0].data.Contracts[0].Fte).toBe("0,8");
  });

  it("a second import records field-level history and makes persons no longer delivered former", async () => {
    const { tenant, client, source, sourceId } = await tenantWithSource();
    await importFile(tenant, source, baseRows);
    const changed = [
      baseRows[0]!,
      "1001;Jan;de;Vries-Jansen;j.devries@school.example;C1001a;2019-08-01;;0,6;Leerkracht;SCH1;1000",
      "1001;Jan;de;Vries-Jansen;j.devries@school.example;C1001b;2021-08-01;;0,4;Intern begeleider;SCH2;1000",
      baseRows[3]!,
      "1003;Noah;;Visser;n.visser@school.example;C1003;2020-01-01;;1,0;Conciërge;BOARD;1000",
    ];
    const second = await importFile(tenant, source, changed);
    expect(second.status, JSON.stringify(second)).toBe("completed");
    expect(second.counts).toMatchObject({ added: 1, changed: 1, removed: 0 });
    const jan = await personByExternalId(tenant, "1001");
    const history = (await client.get(`/api/v1/persons/${jan.id}/history`)).body;
    expect(history[0]).toMatchObject({ field: "Name.FamilyName", kind: "changed", oldValue: "Vries", newValue: "Vries-Jansen", cause: "import" });

    // One of four leaving is 25%: above the default 10% removal limit, so allow it for this source.
    expect((await client.patch(`/api/v1/source-systems/${sourceId}`, { thresholds: { removed: { percent: 50 } } })).status).toBe(200);
    const third = await importFile(tenant, source, changed.filter((row) => !row.startsWith("1003")));
    expect(third.status).toBe("completed");
    const noah = await personByExternalId(tenant, "1003");
    expect(noah.status).toBe("former");
  });

  it("blocks only the person whose complex mapping throws, with the reason and line", async () => {
    const { tenant, client, source, sourceId } = await tenantWithSource();
    await client.patch(`/api/v1/source-systems/${sourceId}`, {
      mapping: { ...mapping, person: { ...mapping.person, "Name.Initials": { type: "complex", script: "if (source.Id === '1002') {\n  throw new Error('geen initialen');\n}\nreturn source.Roepnaam[0];" } } },
    });
    const run = await importFile(tenant, source, baseRows);
    expect(run.status).toBe("completed");
    expect(run.counts).toMatchObject({ mapped: 2, blocked: 1 });
    const blocked = (await client.get(`/api/v1/source-systems/${sourceId}/blocked-persons`)).body;
    expect(blocked).toEqual([{ externalId: "1002", reasons: [expect.stringMatching(/Name\.Initials.*geen initialen.*line 2/)] }]);
  });

  it("fails a malformed file with a clear error and changes nothing", async () => {
    const { tenant, client, tenantId, source, sourceId } = await tenantWithSource();
    await importFile(tenant, source, baseRows);
    const before = await ctx.api.ownerPrisma.person.findMany({ where: { tenantId }, orderBy: { id: "asc" } });
    const broken = await importFile(tenant, source, 'Id,Roepnaam\n1,"Jan\n');
    expect(broken.status).toBe("failed");
    expect(broken.error).toMatch(/column 'Id' is missing|delimiter|quote/);
    expect(await ctx.api.ownerPrisma.person.findMany({ where: { tenantId }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("a feed that drops 40% is blocked by a 10% removal threshold until approved", async () => {
    const { tenant, client, tenantId, source, sourceId } = await tenantWithSource();
    const many = Array.from({ length: 20 }, (_, index) => `${2000 + index};P${index};;Achter${index};p${index}@school.example;C${2000 + index};2020-01-01;;1,0;Leerkracht;SCH1;`);
    expect((await importFile(tenant, source, many)).status).toBe("completed");
    const before = await ctx.api.ownerPrisma.person.findMany({ where: { tenantId }, orderBy: { id: "asc" } });

    const blocked = await importFile(tenant, source, many.slice(0, 12));
    expect(blocked.status).toBe("blocked");
    expect(blocked.thresholdReport.wouldRemove.count).toBe(8);
    expect(blocked.thresholdReport.reasons[0].message).toContain("40%");
    expect(await ctx.api.ownerPrisma.person.findMany({ where: { tenantId }, orderBy: { id: "asc" } })).toEqual(before);

    const approved = await client.post(`/api/v1/imports/${blocked.id}/approve`);
    expect(approved.status).toBe(201);
    for (let attempt = 0; attempt < 300; attempt++) {
      const run = (await client.get(`/api/v1/imports/${blocked.id}`)).body;
      if (run.status === "completed") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await ctx.api.ownerPrisma.person.count({ where: { tenantId, status: "former" } })).toBe(8);
  });

  it("a mapping change re-decides persons without fetching and writes history with cause configuration", async () => {
    const { tenant, client, source, sourceId } = await tenantWithSource();
    await importFile(tenant, source, baseRows);
    const patched = await client.patch(`/api/v1/source-systems/${sourceId}`, {
      mapping: { ...mapping, person: { ...mapping.person, "Name.NickName": { type: "complex", script: "return source.Roepnaam.toUpperCase();" } } },
    });
    expect(patched.status, patched.text).toBe(200);
    const jan = await waitFor("the renamed Jan", async () => {
      const person = await personByExternalId(tenant, "1001");
      return person.displayName === "JAN de Vries" ? person : undefined;
    }).catch(() => personByExternalId(tenant, "1001"));
    expect(jan.displayName).toBe("JAN de Vries");
    const history = (await client.get(`/api/v1/persons/${jan.id}/history`)).body;
    expect(history.find((entry: { field: string }) => entry.field === "Name.NickName")).toMatchObject({ oldValue: "Jan", newValue: "JAN", cause: "configuration" });
  });

  it("previews an unsaved mapping on chosen raw records, next to the raw record, changing nothing", async () => {
    const { tenant, client, tenantId, source, sourceId } = await tenantWithSource();
    await importFile(tenant, source, baseRows);
    const before = await ctx.api.ownerPrisma.person.findMany({ where: { tenantId }, orderBy: { id: "asc" } });
    const preview = await client.post(`/api/v1/source-systems/${sourceId}/mapping/preview`, {
      mapping: { ...mapping, person: { ...mapping.person, "Name.NickName": { type: "complex", script: "return `${source.Roepnaam}!`;" }, "Name.Initials": { type: "complex", script: "while (true) {}" } } },
      sourceKeys: ["1001"],
    });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.items).toHaveLength(1);
    expect(preview.body.items[0].raw.Roepnaam).toBe("Jan");
    expect(preview.body.items[0].result.status).toBe("blocked");
    expect(preview.body.items[0].result.reasons[0]).toMatch(/Name\.Initials/);
    const fixed = await client.post(`/api/v1/source-systems/${sourceId}/mapping/preview`, {
      mapping: { ...mapping, person: { ...mapping.person, "Name.NickName": { type: "complex", script: "return `${source.Roepnaam}!`;" } } },
      sourceKeys: ["1001"],
    });
    expect(fixed.body.items[0].result).toMatchObject({ status: "mapped", person: { Name: { NickName: "Jan!" } } });
    expect(await ctx.api.ownerPrisma.person.findMany({ where: { tenantId }, orderBy: { id: "asc" } })).toEqual(before);
    const check = await client.post("/api/v1/source-systems/mapping/check-script", { script: "return source.;" });
    expect(check.body).toMatchObject({ ok: false, line: 1 });
  });

  it("blocks only the person whose script loops forever or allocates without bound; other persons and jobs go on", async () => {
    const { tenant, client, source, sourceId } = await sourceWithInitialsScript(
      "if (source.Id === '1001') { while (true) {} }\nif (source.Id === '1002') { const a = []; while (true) a.push(new Array(100000).fill(source.Id)); }\nreturn source.Roepnaam[0];",
    );
    const run = await importFile(tenant, source, baseRows);
    expect(run.status).toBe("completed");
    expect(run.counts).toMatchObject({ mapped: 1, blocked: 2 });
    const blocked = (await client.get(`/api/v1/source-systems/${sourceId}/blocked-persons`)).body;
    expect(blocked.map((entry: { externalId: string }) => entry.externalId)).toEqual(["1001", "1002"]);
    expect(blocked[0].reasons[0]).toMatch(/Name\.Initials.*(longer|time)/i);
    // Usually the memory limit; on a busy machine the time limit may stop it first. Either way
    // only this person is blocked.
    expect(blocked[1].reasons[0]).toMatch(/Name\.Initials.*(memory|longer|time)/i);
    // The worker is still serving: another import runs to completion.
    const again = await importFile(tenant, source, baseRows);
    expect(again.status).toBe("completed");
  });

  it("a person blocked by a mapping error is unblocked by the next import that maps them", async () => {
    const { tenant, client, source, sourceId } = await tenantWithSource();
    await importFile(tenant, source, baseRows);
    const failing = { ...mapping, person: { ...mapping.person, "Name.Initials": { type: "complex", script: "if (source.Id === '1002') throw new Error('tijdelijk');\nreturn null;" } } };
    expect((await client.patch(`/api/v1/source-systems/${sourceId}`, { mapping: failing })).status).toBe(200);
    const blockedRun = await importFile(tenant, source, baseRows);
    expect(blockedRun.counts).toMatchObject({ blocked: 1 });
    expect((await client.get(`/api/v1/source-systems/${sourceId}/blocked-persons`)).body).toHaveLength(1);
    // The person keeps their last good data meanwhile.
    expect((await personByExternalId(tenant, "1002")).displayName).toBe("Fatima el Amrani");
    expect((await client.patch(`/api/v1/source-systems/${sourceId}`, { mapping })).status).toBe(200);
    const fixed = await importFile(tenant, source, baseRows);
    expect(fixed.counts).toMatchObject({ blocked: 0 });
    expect((await client.get(`/api/v1/source-systems/${sourceId}/blocked-persons`)).body).toEqual([]);
  });

  it("imports a CSV source whose file has a URL by hand, downloading the file without an upload", async () => {
    const server = createServer((_request, response) => response.writeHead(200, { "content-type": "text/csv" }).end(csvOf(columns, baseRows)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const tenant = await ctx.newTenant();
      const { client } = tenant;
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/medewerkers.csv`;
      const created = await ctx.newSourceSystem(tenant, { name: "HR by URL", columns, contractColumns, persons: { url }, mapping, thresholds: null });
      const started = await client.post(`/api/v1/source-systems/${created.id}/imports`, {});
      expect(started.status, started.text).toBe(202);
      const run = await waitForImport(client, started.body.id);
      expect(run.status, JSON.stringify(run)).toBe("completed");
      expect(run.counts).toMatchObject({ fetched: 3, added: 3, personsAdded: 3 });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
