import { describe, expect, it } from "vitest";
import { useFactories, type TestClient } from "@idlife/testing";
import { createRedisConnection } from "@idlife/jobs";

const ctx = useFactories();

/** Windows-1252 bytes of text made of Latin-1 letters (é, ö, ë are the same bytes in both). */
function windows1252(text: string): Uint8Array<ArrayBuffer> {
  if (/[^\u0000-\u007f\u00a0-\u00ff]/.test(text)) throw new Error("the test text has a letter outside Latin-1");
  return new Uint8Array(Buffer.from(text, "latin1"));
}

const personsFile = windows1252(
  ["Personeelsnummer;Roepnaam;Achternaam;Geboortedatum;Functieomschrijving;Coördinator;Privé e-mail", "1001;Zoë;Öztürk;1984-10-05;Leerkracht;nee;zoe@thuis.example", "1002;Renée;Verhoeven;1990-01-02;Conciërge;ja;renee@thuis.example"].join("\r\n"),
);
const contractsFile = windows1252(["Contractnummer;Personeelsnummer;Startdatum;Afdelingscode;Fte", "1001-1;1001;2020-08-01;04RV00;0,8000", "1002-1;1002;2021-08-01;05KP00;1,0000"].join("\r\n"));
const departmentsFile = windows1252(["Afdelingscode;Naam;Manager;BovenliggendeAfdeling", "04RV00;OBS De Regenboog;1001;REG-M"].join("\r\n"));

const csvSettings = {
  layout: "two-files",
  persons: { delimiter: "auto", encoding: "windows-1252", personKey: "Personeelsnummer" },
  contracts: { delimiter: ";", encoding: "windows-1252", joinKey: "Personeelsnummer" },
  departments: { delimiter: ";", encoding: "windows-1252", departmentKey: "Afdelingscode" },
};
const mapping = {
  person: {
    ExternalId: { type: "field", path: "Personeelsnummer", required: true },
    "Name.NickName": { type: "field", path: "Roepnaam" },
    "Name.FamilyName": { type: "field", path: "Achternaam" },
    "Contact.Personal.Email": { type: "field", path: "Privé e-mail" },
  },
  contract: { ExternalId: { type: "field", path: "Contractnummer" }, StartDate: { type: "field", path: "Startdatum" }, "Department.ExternalId": { type: "field", path: "Afdelingscode" } },
};

async function csvSource(client: TestClient, name = "HR export") {
  const created = await client.post("/api/v1/source-systems", { name, connectorType: "csv", settings: csvSettings, mapping });
  expect(created.status, created.text).toBe(201);
  return created.body.id as string;
}

async function upload(client: TestClient, sourceId: string, role: string, content: Uint8Array<ArrayBuffer>, fileName: string) {
  const response = await client.request("PUT", `/api/v1/source-systems/${sourceId}/uploads/${role}`, { rawBody: content, headers: { "content-type": "text/csv", "x-file-name": fileName } });
  expect(response.status, response.text).toBe(200);
}

const fieldsOf = (client: TestClient, sourceId: string, role: string) => client.get(`/api/v1/source-systems/${sourceId}/source-fields?role=${role}`);

describe("source fields for the mapping editor", () => {
  it("reads the header of the latest upload of each file: Windows-1252, semicolons, accented column names", async () => {
    const { client } = await ctx.newTenant();
    const sourceId = await csvSource(client);
    await upload(client, sourceId, "persons", personsFile, "medewerkers.csv");
    await upload(client, sourceId, "contracts", contractsFile, "dienstverbanden.csv");
    await upload(client, sourceId, "departments", departmentsFile, "afdelingen.csv");

    const persons = await fieldsOf(client, sourceId, "persons");
    expect(persons.status, persons.text).toBe(200);
    expect(persons.body).toMatchObject({ role: "persons", origin: "upload", fileName: "medewerkers.csv", truncated: false, problem: null });
    expect(persons.body.fields).toEqual(["Personeelsnummer", "Roepnaam", "Achternaam", "Geboortedatum", "Functieomschrijving", "Coördinator", "Privé e-mail"]);
    expect((await fieldsOf(client, sourceId, "contracts")).body.fields).toEqual(["Contractnummer", "Personeelsnummer", "Startdatum", "Afdelingscode", "Fte"]);
    expect((await fieldsOf(client, sourceId, "departments")).body).toMatchObject({ fileName: "afdelingen.csv", fields: ["Afdelingscode", "Naam", "Manager", "BovenliggendeAfdeling"] });
  });

  it("says why a header cannot be read instead of offering garbled names", async () => {
    const { client } = await ctx.newTenant();
    const created = await client.post("/api/v1/source-systems", { name: "UTF-8 set", connectorType: "csv", settings: { ...csvSettings, persons: { ...csvSettings.persons, encoding: "utf-8" } }, mapping });
    await upload(client, created.body.id, "persons", personsFile, "medewerkers.csv");
    const response = await fieldsOf(client, created.body.id, "persons");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ origin: "upload", fields: [] });
    expect(response.body.problem).toMatch(/not valid UTF-8.*windows-1252/);
  });

  it("collects the paths seen in the latest raw records, nested with dots, contracts relative to the contract, bounded", async () => {
    const { client, tenantId } = await ctx.newTenant();
    const source = await ctx.api.ownerPrisma.sourceSystem.create({ data: { tenantId, name: "HR API", connectorType: "http-json", settings: { url: "https://hr.example/api" }, mapping } });
    const run = await ctx.api.ownerPrisma.import.create({ data: { tenantId, sourceSystemId: source.id, status: "completed", trigger: "manual" } });
    const wide = Object.fromEntries(Array.from({ length: 600 }, (_, index) => [`Extra${index}`, "x"]));
    const records = [
      { id: "1", name: { given: "Jan", family: "Vries" }, emails: [{ type: "work", address: "j@school.example" }], "adres.straat": "Dorpsstraat", Contracts: [{ number: "C1", period: { start: "2020-01-01" } }] },
      { id: "2", name: { given: "Piet" }, phone: "06", Contracts: [{ number: "C2", fte: 0.5 }] },
      { id: "3", ...wide },
    ];
    let seq = 0n;
    for (const [index, data] of records.entries()) {
      const row = await ctx.api.ownerPrisma.rawRecord.create({ data: { tenantId, importId: run.id, sourceSystemId: source.id, kind: "person", sourceKey: String(index + 1), data, searchText: "", validFrom: 1n } });
      seq = row.validFrom;
    }
    await ctx.api.ownerPrisma.rawRecord.create({ data: { tenantId, importId: run.id, sourceSystemId: source.id, kind: "department", sourceKey: "D1", data: { code: "D1", head: { id: "1" } }, searchText: "", validFrom: 1n } });
    await ctx.api.ownerPrisma.import.update({ where: { id: run.id }, data: { rawSeq: seq } });

    const persons = await fieldsOf(client, source.id, "persons");
    expect(persons.status, persons.text).toBe(200);
    expect(persons.body).toMatchObject({ origin: "raw-data", importId: run.id, fileName: null, truncated: true });
    expect(persons.body.fields.slice(0, 7)).toEqual(["id", "name.given", "name.family", "emails[0].type", "emails[0].address", '["adres.straat"]', "phone"]);
    expect(persons.body.fields).toHaveLength(500);
    expect(persons.body.fields).not.toContain("Contracts");
    expect((await fieldsOf(client, source.id, "contracts")).body).toMatchObject({ fields: ["number", "period.start", "fte"], truncated: false });
    expect((await fieldsOf(client, source.id, "departments")).body.fields).toEqual(["code", "head.id"]);
  });

  it("offers nothing before an upload or an import, and never another tenant's source", async () => {
    const { client } = await ctx.newTenant();
    const sourceId = await csvSource(client);
    expect((await fieldsOf(client, sourceId, "persons")).body).toMatchObject({ origin: "none", fields: [] });
    await upload(client, sourceId, "persons", personsFile, "medewerkers.csv");

    const other = await ctx.newTenant();
    const response = await fieldsOf(other.client, sourceId, "persons");
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
    expect(JSON.stringify(response.body)).not.toContain("Roepnaam");
    expect((await fieldsOf(client, sourceId, "everything")).status).toBe(400);
  });
});

describe("mapping preview on the uploaded files, before the first import", () => {
  it("maps the first persons of the upload with the unsaved mapping, and stores nothing", async () => {
    const { client, tenantId } = await ctx.newTenant();
    const sourceId = await csvSource(client);
    await upload(client, sourceId, "persons", personsFile, "medewerkers.csv");
    await upload(client, sourceId, "contracts", contractsFile, "dienstverbanden.csv");

    const preview = await client.post(`/api/v1/source-systems/${sourceId}/mapping/preview`, { mapping, from: "upload", limit: 1 });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toMatchObject({ importId: null, origin: "upload", files: ["medewerkers.csv", "dienstverbanden.csv"] });
    expect(preview.body.items).toHaveLength(1);
    const [item] = preview.body.items;
    expect(item.sourceKey).toBe("1001");
    expect(item.raw).toMatchObject({ Roepnaam: "Zoë", Coördinator: "nee", Contracts: [{ Contractnummer: "1001-1", Afdelingscode: "04RV00" }] });
    expect(item.result.status).toBe("mapped");
    expect(item.result.person).toMatchObject({ ExternalId: "1001", Name: { NickName: "Zoë", FamilyName: "Öztürk" }, Contracts: [{ ExternalId: "1001-1", StartDate: "2020-08-01", Department: { ExternalId: "04RV00" } }] });

    const chosen = await client.post(`/api/v1/source-systems/${sourceId}/mapping/preview`, { mapping, from: "upload", sourceKeys: ["1002"] });
    expect(chosen.body.items.map((entry: { sourceKey: string }) => entry.sourceKey)).toEqual(["1002"]);
    const unknown = await client.post(`/api/v1/source-systems/${sourceId}/mapping/preview`, { mapping, from: "upload", sourceKeys: ["9999"] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: "unknown_source_keys", message: expect.stringContaining("uploaded persons file") });

    expect(await ctx.api.ownerPrisma.rawRecord.count({ where: { tenantId } })).toBe(0);
    expect(await ctx.api.ownerPrisma.import.count({ where: { tenantId } })).toBe(0);
  });

  it("runs one preview of uploaded files per tenant at a time; another tenant's preview is not held up", async () => {
    const busy = await ctx.newTenant();
    const other = await ctx.newTenant();
    const sources = await Promise.all([busy, other].map(async ({ client }) => {
      const sourceId = await csvSource(client);
      await upload(client, sourceId, "persons", personsFile, "medewerkers.csv");
      await upload(client, sourceId, "contracts", contractsFile, "dienstverbanden.csv");
      return sourceId;
    }));
    // A preview of the busy tenant's uploads is running (its lease, as a running preview holds it).
    const redis = createRedisConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
    const key = `${ctx.api.queuePrefix}:upload-previews:${busy.tenantId}`;
    try {
      await redis.zadd(key, Date.now() + 60_000, "running-preview");
      const refused = await busy.client.post(`/api/v1/source-systems/${sources[0]}/mapping/preview`, { mapping, from: "upload", limit: 1 });
      expect(refused.status, refused.text).toBe(429);
      expect(refused.body.error.code).toBe("preview_busy");
      expect(refused.headers.get("retry-after")).toBe("30");
      // Previews of the latest import read no files and are not held back.
      expect((await busy.client.post(`/api/v1/source-systems/${sources[0]}/mapping/preview`, { mapping, limit: 1 })).status).toBe(200);
      expect((await other.client.post(`/api/v1/source-systems/${sources[1]}/mapping/preview`, { mapping, from: "upload", limit: 1 })).status).toBe(200);

      await redis.zrem(key, "running-preview");
      expect((await busy.client.post(`/api/v1/source-systems/${sources[0]}/mapping/preview`, { mapping, from: "upload", limit: 1 })).status).toBe(200);
      // A finished preview gives its slot back.
      expect(await redis.zcard(key)).toBe(0);
    } finally {
      redis.disconnect();
    }
  });

  it("asks for the missing upload, and says what is wrong with an unreadable one", async () => {
    const { client } = await ctx.newTenant();
    const sourceId = await csvSource(client);
    await upload(client, sourceId, "persons", personsFile, "medewerkers.csv");
    const missing = await client.post(`/api/v1/source-systems/${sourceId}/mapping/preview`, { mapping, from: "upload" });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: "upload_required", message: expect.stringContaining("contracts file") });

    await upload(client, sourceId, "contracts", windows1252("Nummer;Start\r\n1;2020-01-01"), "wrong.csv");
    const unreadable = await client.post(`/api/v1/source-systems/${sourceId}/mapping/preview`, { mapping, from: "upload" });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.error).toMatchObject({ code: "upload_unreadable", message: expect.stringContaining("'Personeelsnummer'") });
  });
});
