import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "@idlife/api/testing";
import { importNow, useApiWithWorker } from "./support.ts";

// A generous time limit per mapping call, so that V8 gives up on the crashing scripts below before
// the limit does, however busy the machine.
const stack = useApiWithWorker({ MAPPING_SCRIPT_TIMEOUT_MS: "20000" });
const API_KEY = "s3cret-api-key-0815-xyz";
const NAME_MAPPING = { person: { ExternalId: { type: "field", path: "id" }, "Name.FamilyName": { type: "field", path: "name" } }, contract: {} };

let server: Server;
let serverUrl: string;
const authorizations: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    authorizations.push(String(request.headers.authorization));
    // An API that echoes the credentials it was sent, as some do in their errors.
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: [{ id: "1", name: "Jansen", sentWith: request.headers.authorization }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server?.close(resolve)));

async function scriptSource(client: TestClient, script: string, extra: { mapping?: object; secrets?: Record<string, string>; config?: object; thresholds?: object } = {}) {
  const created = await client.post("/api/v1/source-systems", {
    name: `Script ${Math.random()}`,
    connectorType: "script",
    settings: { script, allowedHosts: ["127.0.0.1"], ...(extra.config ? { config: extra.config } : {}) },
    ...(extra.secrets ? { secrets: extra.secrets } : {}),
    mapping: extra.mapping ?? NAME_MAPPING,
    ...(extra.thresholds ? { thresholds: extra.thresholds } : {}),
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id as string;
}

const personsScript = (count: number) =>
  `export default async function () { return { persons: Array.from({ length: ${count} }, (_, index) => ({ id: String(index + 1), name: "Person " + (index + 1) })) }; }`;

describe("script connectors run in a sandbox process", () => {
  it("fail an import once when the script makes V8 abort; the worker lives on and imports the next source", async () => {
    const { client } = await stack.api.createTenantWithMember("owner");
    const crashing = await scriptSource(client, "export default async function () {\n  new Array(2 ** 30).fill(0);\n  return { persons: [] };\n}");
    const run = await importNow(client, crashing);
    expect(run.status, JSON.stringify(run)).toBe("failed");
    expect(run.error).toContain("The script connector stopped its sandbox process (V8 ran out of memory or crashed)");

    const healthy = await importNow(client, await scriptSource(client, personsScript(3)));
    expect(healthy.status, JSON.stringify(healthy)).toBe("completed");
    expect(healthy.counts).toMatchObject({ fetched: 3, mapped: 3 });
    // Failed once, not retried: still the one failed import with the same start.
    const imports = (await client.get(`/api/v1/source-systems/${crashing}/imports`)).body;
    const list = Array.isArray(imports) ? imports : imports.items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: run.id, status: "failed", startedAt: run.startedAt });
  }, 180_000);

  it("give scripts placeholders for secrets: the API gets the value, the stored raw data never holds it", async () => {
    const { client } = await stack.api.createTenantWithMember("owner");
    const sourceId = await scriptSource(
      client,
      `export default async function ({ config, secrets, http }) {
        const response = await http.get(config.baseUrl + "/persons", { headers: { authorization: \`Bearer \${secrets.apiKey}\` } });
        return { persons: response.json().data.map((person) => ({ ...person, key: secrets.apiKey, config })) };
      }`,
      { config: { baseUrl: serverUrl }, secrets: { apiKey: API_KEY } },
    );
    authorizations.length = 0;
    const run = await importNow(client, sourceId);
    expect(run.status, JSON.stringify(run)).toBe("completed");
    expect(authorizations).toEqual([`Bearer ${API_KEY}`]);

    const raw = (await client.get(`/api/v1/source-systems/${sourceId}/raw-records`)).body;
    expect(JSON.stringify(raw)).not.toContain(API_KEY);
    const person = (await client.get("/api/v1/persons?search=1")).body.items[0];
    const personRaw = (await client.get(`/api/v1/persons/${person.id}/raw`)).body;
    expect(JSON.stringify(personRaw)).toContain("{{secret:apiKey}}");
    expect(JSON.stringify(personRaw)).not.toContain(API_KEY);
  });
});

describe("mapping scripts that reach outside the sandbox", () => {
  const importingMapping = {
    person: {
      ...NAME_MAPPING.person,
      "Name.Initials": { type: "complex", script: "if (source.id === '2') {\n  return import('node:fs');\n}\nreturn 'X';" },
    },
    contract: {},
  };

  it("block only the person whose script calls import(), with the reason, in an import and in a preview", async () => {
    const { client } = await stack.api.createTenantWithMember("owner");
    const sourceId = await scriptSource(client, personsScript(4), { mapping: importingMapping });
    // One blocked of four is 25%, above the default 10% blocked limit: this test blocks one on purpose.
    expect((await client.patch(`/api/v1/source-systems/${sourceId}`, { thresholds: { blocked: { count: 2 } } })).status).toBe(200);
    const run = await importNow(client, sourceId);
    expect(run.status, JSON.stringify(run)).toBe("completed");
    expect(run.counts).toMatchObject({ mapped: 3, blocked: 1 });
    const blocked = (await client.get(`/api/v1/source-systems/${sourceId}/blocked-persons`)).body;
    expect(blocked).toEqual([{ externalId: "2", reasons: [expect.stringMatching(/Name\.Initials.*import\(\)/)] }]);

    const preview = await client.post(`/api/v1/source-systems/${sourceId}/mapping/preview`, { mapping: importingMapping, limit: 4 });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.items.map((item: { result: { status: string } }) => item.result.status)).toEqual(["mapped", "blocked", "mapped", "mapped"]);
    expect(preview.body.items[1].result.reasons).toEqual([expect.stringMatching(/Name\.Initials.*import\(\)/)]);
  });

  it("end a preview at its overall time limit and say what did not run", async () => {
    const { client } = await stack.api.createTenantWithMember("owner");
    const sourceId = await scriptSource(client, personsScript(20));
    expect((await importNow(client, sourceId)).status).toBe("completed");
    const loops = Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`Custom.Loop${index}`, { type: "complex", script: "while (true) {}" }]));
    const mapping = { person: { ...NAME_MAPPING.person, ...loops }, contract: {} };

    const preview = await client.post(`/api/v1/source-systems/${sourceId}/mapping/preview`, { mapping, limit: 20 });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.items).toHaveLength(20);
    const reasons = preview.body.items.flatMap((item: { result: { reasons?: string[] } }) => item.result.reasons ?? []);
    expect(reasons).toContainEqual(expect.stringContaining("Not run: the time limit for the whole run"));
  });
});

describe("mapping sandbox processes per tenant", () => {
  it("import all of one tenant's persons while another tenant's mapping keeps crashing its sandbox process", async () => {
    const hostile = await stack.api.createTenantWithMember("owner");
    const bystander = await stack.api.createTenantWithMember("owner");
    const withInitials = (script: string) => ({ mapping: { person: { ...NAME_MAPPING.person, "Name.Initials": { type: "complex", script } }, contract: {} } });
    // Allocating this at once makes V8 abort the sandbox process (no isolate limit catches it).
    const crashing = await scriptSource(hostile.client, personsScript(6), withInitials("Array.from({ length: 2 ** 28 }, () => 0).length"));
    const busy = await scriptSource(bystander.client, personsScript(1500), withInitials("let sum = 0;\nfor (let i = 0; i < 1000000; i++) sum += i;\nreturn 'B';"));

    const [hostileRun, bystanderRun] = await Promise.all([importNow(hostile.client, crashing), importNow(bystander.client, busy)]);

    expect(hostileRun.counts).toMatchObject({ fetched: 6, mapped: 0, blocked: 6 });
    expect(bystanderRun.status, JSON.stringify(bystanderRun)).toBe("completed");
    expect(bystanderRun.counts).toMatchObject({ fetched: 1500, mapped: 1500, blocked: 0 });
    expect((await bystander.client.get(`/api/v1/source-systems/${busy}/blocked-persons`)).body).toEqual([]);
  }, 180_000);

  it("block only the person whose mapping script brings down V8 itself; the worker carries on", async () => {
    const { client } = await stack.api.createTenantWithMember("owner");
    const initials = "if (source.id === '1') return Array.from({ length: 2 ** 28 }, () => 0).length;\nreturn source.name[0];";
    const sourceId = await scriptSource(client, personsScript(3), {
      mapping: { person: { ...NAME_MAPPING.person, "Name.Initials": { type: "complex", script: initials } }, contract: {} },
      // One blocked person of three is above the default blocked limit; here it is the point.
      thresholds: { blocked: { count: 3 } },
    });
    const run = await importNow(client, sourceId);
    expect(run.status, JSON.stringify(run)).toBe("completed");
    expect(run.counts).toMatchObject({ mapped: 2, blocked: 1 });
    const blocked = (await client.get(`/api/v1/source-systems/${sourceId}/blocked-persons`)).body;
    expect(blocked).toEqual([{ externalId: "1", reasons: [expect.stringMatching(/Name\.Initials.*sandbox process/)] }]);
    // The worker (in this test process) is still serving.
    const again = await importNow(client, sourceId);
    expect(again.status).toBe("completed");
  }, 180_000);
});
