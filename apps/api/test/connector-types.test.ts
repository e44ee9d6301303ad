// GET /connector-types serves the connector registry: every type once, in the one spelling, each
// with its settings as valid JSON Schema and its secret fields. Source systems take the former
// spelling (http_json) on input and answer with the registry's.
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { useFactories } from "@idlife/testing";
import { connectorTypes } from "@idlife/connectors";
import { connectorTypeSchema } from "@idlife/contracts";

const ctx = useFactories();

const mapping = { person: { ExternalId: { type: "field", path: "id" } }, contract: {} };

describe("GET /connector-types", () => {
  it("lists every connector of the registry once, with its settings as JSON Schema and its secret fields, for anyone who may read", async () => {
    const { client } = await ctx.newTenant({ role: "auditor" });
    const response = await client.get("/api/v1/connector-types");
    expect(response.status).toBe(200);
    const types = response.body.map((connector: { type: string }) => connector.type);
    expect(types).toEqual([...connectorTypes]);
    expect(types).toEqual(connectorTypeSchema.options);
    expect(new Set(types).size).toBe(types.length);

    const byType = Object.fromEntries(response.body.map((connector: { type: string }) => [connector.type, connector]));
    expect(byType["http-json"].secretFields).toEqual(["auth.password", "auth.token", "auth.value"]);
    expect(byType.csv.secretFields).toEqual(["download.auth.password", "download.auth.token", "download.auth.value"]);
    expect(byType.script).toMatchObject({ secretFields: [], secretNames: "any", capabilities: { script: true, uploads: false } });
    expect(byType.csv.capabilities.uploads).toBe(true);

    // Each schema is valid JSON Schema (draft 2020-12) and says what the API accepts.
    const ajv = new Ajv2020({ strict: false });
    const validate = Object.fromEntries(response.body.map((connector: { type: string; settingsSchema: object }) => [connector.type, ajv.compile(connector.settingsSchema)]));
    expect(validate["http-json"]!({ url: "https://hr.example.test/persons", recordsPath: "data" })).toBe(true);
    expect(validate["http-json"]!({ recordsPath: "data" })).toBe(false);
    expect(validate.csv!({ layout: "single", persons: { personKey: "Id", delimiter: ";" } })).toBe(true);
    expect(validate.csv!({ layout: "single", persons: { personKey: "Id", delimiter: "#" } })).toBe(false);
    expect(validate.script!({ script: "async function main() { return { persons: [] }; }" })).toBe(true);
    expect(validate.script!({ script: "" })).toBe(false);
  });

  it("is not served without signing in", async () => {
    expect((await ctx.api.client().get("/api/v1/connector-types")).status).toBe(401);
  });
});

describe("connector type spellings", () => {
  it("accepts http_json and http-json when creating a source system and answers with http-json", async () => {
    const { client } = await ctx.newTenant();
    for (const connectorType of ["http_json", "http-json"]) {
      const created = await client.post("/api/v1/source-systems", { name: `API ${connectorType}`, connectorType, settings: { url: "https://hr.example.test/persons" }, mapping });
      expect(created.status, created.text).toBe(201);
      expect(created.body.connectorType).toBe("http-json");
    }
    const listed = (await client.get("/api/v1/source-systems")).body.map((source: { connectorType: string }) => source.connectorType);
    expect(listed).toEqual(["http-json", "http-json"]);
    const stored = await ctx.api.ownerPrisma.sourceSystem.findMany({ where: { name: { startsWith: "API " } }, select: { connectorType: true } });
    expect(stored.map((row) => row.connectorType)).toEqual(["http-json", "http-json"]);
  });

  it("refuses an unknown type with the types it knows, and stores nothing", async () => {
    const { client, tenantId } = await ctx.newTenant();
    const refused = await client.post("/api/v1/source-systems", { name: "LDAP", connectorType: "ldap", settings: {}, mapping });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.error)).toMatch(/csv.*http-json.*script/);
    expect(await ctx.api.ownerPrisma.sourceSystem.count({ where: { tenantId } })).toBe(0);
  });
});
