import { describe, expect, it } from "vitest";
import { fieldCopies, useFactories, type TestClient } from "@idlife/testing";

const ctx = useFactories();

const PRIVATE_EMAIL = "jan.prive@thuis.example";
const PRIVATE_PHONE = "06-11223344";
const mapping = {
  person: {
    ...fieldCopies({ ExternalId: "Nummer", "Name.GivenName": "Voornaam", "Contact.Business.Email": "EmailWerk", "Contact.Personal.Email": "Prive.Email" }),
    "Contact.Personal.Phone.Mobile": { type: "complex", script: "return source.Mobiel?.trim() || null;" },
  },
  contract: {},
};

/** A source with one import's raw data and the person it became, put in place behind the API's back. */
async function arrangeRawData(tenantId: string) {
  const prisma = ctx.api.ownerPrisma;
  const source = await prisma.sourceSystem.create({ data: { tenantId, name: "HR", connectorType: "csv", settings: { layout: "single", persons: { personKey: "Nummer" } }, mapping } });
  const blockedSample = { sourceKey: "1002", reasons: [`Contact.Personal.Phone.Mobile: expected text, got ${PRIVATE_PHONE}`] };
  const run = await prisma.import.create({
    data: { tenantId, sourceSystemId: source.id, status: "completed", trigger: "manual", thresholdReport: { approved: true, reasons: [], blocked: { count: 1, sample: [blockedSample] } } },
  });
  const data = { Nummer: "1001", Voornaam: "Jan", EmailWerk: "jan@school.example", Prive: { Email: PRIVATE_EMAIL }, Mobiel: PRIVATE_PHONE };
  const raw = await prisma.rawRecord.create({
    data: { tenantId, importId: run.id, sourceSystemId: source.id, kind: "person", sourceKey: "1001", data, searchText: Object.values({ ...data, Prive: PRIVATE_EMAIL }).join(" ").toLowerCase(), validFrom: 1n },
  });
  await prisma.import.update({ where: { id: run.id }, data: { rawSeq: raw.validFrom } });
  const person = await prisma.person.create({
    data: { tenantId, externalId: "1001", displayName: "Jan", status: "active", data: { ExternalId: "1001" }, sourceSystemIds: [source.id], searchText: "jan" },
  });
  await prisma.personSource.create({ data: { tenantId, personId: person.id, sourceSystemId: source.id, externalId: "1001" } });
  // A second person, blocked by a personal value the mapping could not use: the reason quotes it.
  await prisma.personSource.create({
    data: { tenantId, sourceSystemId: source.id, externalId: "1002", blockedReasons: [`Contact.Personal.Phone.Mobile: expected text, got ${PRIVATE_PHONE}`, "required field Name.GivenName is empty"] },
  });
  return { sourceSystemId: source.id, personId: person.id, importId: run.id };
}

async function rawViews(caller: TestClient, ids: { sourceSystemId: string; personId: string; importId: string }) {
  const browse = await caller.get(`/api/v1/source-systems/${ids.sourceSystemId}/raw-records`);
  const ofPerson = await caller.get(`/api/v1/persons/${ids.personId}/raw`);
  expect(browse.status, browse.text).toBe(200);
  expect(ofPerson.status, ofPerson.text).toBe(200);
  const blocked = await caller.get(`/api/v1/source-systems/${ids.sourceSystemId}/blocked-persons`);
  expect(blocked.status, blocked.text).toBe(200);
  const run = await caller.get(`/api/v1/imports/${ids.importId}`);
  expect(run.status, run.text).toBe(200);
  const search = async (value: string) => (await caller.get(`/api/v1/source-systems/${ids.sourceSystemId}/raw-records?search=${encodeURIComponent(value)}`)).body;
  return { browse: browse.body, ofPerson: ofPerson.body, blocked: blocked.body, run: run.body, search };
}

describe("raw data and personal contact data", () => {
  it("hides the source fields that become personal contact data from auditors and read keys, in views and in search", async () => {
    const { client, tenantId } = await ctx.newTenant();
    const ids = await arrangeRawData(tenantId);
    const auditor = (await ctx.api.addMember(tenantId, "auditor")).client;
    const readKey = ctx.api.client().withApiKey((await ctx.api.createApiKey(client, ["read"])).secret);
    for (const caller of [auditor, readKey]) {
      const views = await rawViews(caller, ids);
      expect(JSON.stringify([views.browse, views.ofPerson, views.blocked, views.run])).not.toMatch(/thuis\.example|11223344/);
      expect(views.blocked[0].reasons).toEqual([expect.stringMatching(/^Contact\.Personal\.Phone\.Mobile: not valid/), "required field Name.GivenName is empty"]);
      expect(views.browse.items[0].data).toMatchObject({ Voornaam: "Jan", EmailWerk: "jan@school.example", Prive: { Email: "[hidden]" }, Mobiel: "[hidden]" });
      expect(views.ofPerson[0].data).toMatchObject({ Voornaam: "Jan", Prive: { Email: "[hidden]" }, Mobiel: "[hidden]" });
      expect(views.browse.hiddenFields).toEqual(["Prive.Email", "Mobiel"]);
      for (const value of [PRIVATE_EMAIL, "thuis", "11223344", "hidden"]) {
        expect(await views.search(value), value).toMatchObject({ total: 0, items: [] });
      }
      // Visible values are still found.
      expect((await views.search("school.example")).total).toBe(1);
    }
  });

  it("shows everything to owners and admins", async () => {
    const { client, tenantId } = await ctx.newTenant();
    const ids = await arrangeRawData(tenantId);
    const admin = (await ctx.api.addMember(tenantId, "admin")).client;
    for (const caller of [client, admin]) {
      const views = await rawViews(caller, ids);
      expect(views.browse.items[0].data).toMatchObject({ Prive: { Email: PRIVATE_EMAIL }, Mobiel: PRIVATE_PHONE });
      expect(views.ofPerson[0].data).toMatchObject({ Prive: { Email: PRIVATE_EMAIL }, Mobiel: PRIVATE_PHONE });
      expect(views.browse.hiddenFields).toEqual([]);
      expect(views.blocked[0].reasons[0]).toContain(PRIVATE_PHONE);
      expect(views.run.thresholdReport.blocked.sample[0].reasons[0]).toContain(PRIVATE_PHONE);
      expect((await views.search(PRIVATE_EMAIL)).total).toBe(1);
    }
  });

  it("says which personal fields come from a script it cannot follow", async () => {
    const { client, tenantId } = await ctx.newTenant();
    const ids = await arrangeRawData(tenantId);
    const opaque = { ...mapping, person: { ...mapping.person, "Contact.Personal.Phone.Fixed": { type: "complex", script: "const field = 'Vast'; return source[field];" } } };
    expect((await client.patch(`/api/v1/source-systems/${ids.sourceSystemId}`, { mapping: opaque })).status).toBe(200);
    const auditor = (await ctx.api.addMember(tenantId, "auditor")).client;
    const views = await rawViews(auditor, ids);
    expect(views.browse.personalFieldsNotFollowed).toEqual(["Contact.Personal.Phone.Fixed"]);
    expect(JSON.stringify(views.browse.items)).not.toMatch(/thuis\.example|11223344/);
  });
});
