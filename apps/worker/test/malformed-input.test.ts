import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi, type TestClient } from "@idlife/api/testing";
import type { createWorker } from "../src/index.ts";
import { startTestWorker, waitForImport } from "./support.ts";

// Done-when 6: malformed input ends the import with a clear error and changes nothing.
let api: TestApi;
let worker: Awaited<ReturnType<typeof createWorker>>;
let server: Server;
let serverUrl: string;

beforeAll(async () => {
  api = await startTestApi();
  worker = await startTestWorker(api);
  server = createServer((request, response) => {
    if (request.url?.startsWith("/broken")) {
      response.writeHead(500, { "content-type": "application/json" }).end('{"error":"database offline"}');
    } else if (request.url?.startsWith("/html")) {
      response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><html><body>Log in</body></html>");
    } else {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: [{ id: "1", name: "Jan" }] }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await worker?.close();
  await api?.close();
});

const csvSettings = { layout: "single", persons: { delimiter: ";", personKey: "Id", requiredColumns: ["Id", "Naam", "Email"] } };
const mapping = { person: { ExternalId: { type: "field", path: "Id" }, "Name.FamilyName": { type: "field", path: "Naam" } }, contract: {} };
const goodCsv = "Id;Naam;Email\n1;Jansen;j@x.example\n2;Bakker;b@x.example\n";

async function csvSourceWithPersons(client: TestClient) {
  const created = await client.post("/api/v1/source-systems", { name: "HR", connectorType: "csv", settings: csvSettings, mapping });
  await client.request("PUT", `/api/v1/source-systems/${created.body.id}/uploads/persons`, { rawBody: goodCsv, headers: { "content-type": "text/csv" } });
  const first = await waitForImport(client, (await client.post(`/api/v1/source-systems/${created.body.id}/imports`, {})).body.id);
  expect(first.status).toBe("completed");
  return created.body.id as string;
}

async function snapshotOf(tenantId: string) {
  return {
    persons: await api.ownerPrisma.person.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    sources: await api.ownerPrisma.personSource.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    history: await api.ownerPrisma.personHistory.count({ where: { tenantId } }),
  };
}

describe("malformed CSV uploads", () => {
  const cases: Array<[string, Buffer | string, RegExp]> = [
    ["a wrong delimiter", "Id,Naam,Email\n3,Smit,s@x.example\n", /delimiter/i],
    ["broken quotes", 'Id;Naam;Email\n3;"Smit;s@x.example\n4;Visser;v@x.example\n', /quote/i],
    ["a missing required column", "Id;Naam\n3;Smit\n", /column 'Email' is missing/],
    ["50 MB of garbage", Buffer.alloc(50 * 1024 * 1024, 0).fill("\u0000\u00ff\u0013garbage", 0), /binary|NUL|not a (text|CSV)/i],
  ];
  for (const [what, content, message] of cases) {
    it(`ends the import for ${what} with a clear error and changes nothing`, async () => {
      const { client, tenantId } = await api.createTenantWithMember("owner");
      const sourceId = await csvSourceWithPersons(client);
      const before = await snapshotOf(tenantId);
      const upload = await client.request("PUT", `/api/v1/source-systems/${sourceId}/uploads/persons`, {
        rawBody: content as string,
        headers: { "content-type": "application/octet-stream" },
      });
      expect(upload.status, upload.text).toBe(200);
      const run = await waitForImport(client, (await client.post(`/api/v1/source-systems/${sourceId}/imports`, {})).body.id);
      expect(run.status).toBe("failed");
      expect(run.error).toMatch(message);
      expect(await snapshotOf(tenantId)).toEqual(before);
    });
  }
});

describe("HTTP JSON sources that answer badly", () => {
  for (const [what, path, message] of [
    ["500", "/broken", /answered 500/],
    ["HTML instead of JSON", "/html", /HTML/],
  ] as const) {
    it(`ends the import when the API answers ${what}, with a clear error`, async () => {
      const { client, tenantId } = await api.createTenantWithMember("owner");
      const created = await client.post("/api/v1/source-systems", {
        name: "HR API",
        connectorType: "http_json",
        settings: { url: `${serverUrl}${path}`, recordsPath: "data" },
        mapping: { person: { ExternalId: { type: "field", path: "id" } }, contract: {} },
      });
      expect(created.status, created.text).toBe(201);
      const before = await snapshotOf(tenantId);
      const run = await waitForImport(client, (await client.post(`/api/v1/source-systems/${created.body.id}/imports`, {})).body.id);
      expect(run.status).toBe("failed");
      expect(run.error).toMatch(message);
      expect(await snapshotOf(tenantId)).toEqual(before);
    });
  }

  it("imports from a healthy HTTP JSON API", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const created = await client.post("/api/v1/source-systems", {
      name: "HR API",
      connectorType: "http_json",
      settings: { url: `${serverUrl}/persons`, recordsPath: "data" },
      mapping: { person: { ExternalId: { type: "field", path: "id" }, "Name.FamilyName": { type: "field", path: "name" } }, contract: {} },
    });
    const run = await waitForImport(client, (await client.post(`/api/v1/source-systems/${created.body.id}/imports`, {})).body.id);
    expect(run.status, JSON.stringify(run)).toBe("completed");
    expect(run.counts.fetched).toBe(1);
  });
});
