import { describe, expect, it } from "vitest";
import { useFactories } from "@idlife/testing";

const ctx = useFactories();

const mapping = { person: { ExternalId: { type: "field", path: "id" } }, contract: {} };

describe("source system secrets", () => {
  it("are encrypted at rest and never returned, even when typed into the settings", async () => {
    const { client } = await ctx.newTenant();
    const created = await client.post("/api/v1/source-systems", {
      name: "HR API",
      connectorType: "http_json",
      settings: { url: "https://hr.example/api/persons", recordsPath: "data", auth: { type: "bearer", token: "s3cr3t-in-settings" } },
      mapping,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.secretsSet).toEqual(["auth.token"]);
    expect(JSON.stringify(created.body)).not.toContain("s3cr3t");
    const stored = await ctx.api.ownerPrisma.sourceSystem.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(JSON.stringify(stored.settings)).not.toContain("s3cr3t");
    expect(Buffer.from(stored.secrets!).toString("latin1")).not.toContain("s3cr3t");
    const read = await client.get(`/api/v1/source-systems/${created.body.id}`);
    expect(JSON.stringify(read.body)).not.toContain("s3cr3t");
    const audit = await client.get("/api/v1/audit-log?action=source_system.create");
    expect(JSON.stringify(audit.body)).not.toContain("s3cr3t");
  });

  it("can be given separately, replaced, kept when left out, and removed", async () => {
    const { client } = await ctx.newTenant();
    const created = await client.post("/api/v1/source-systems", {
      name: "HR API",
      connectorType: "http_json",
      settings: { url: "https://hr.example/api/persons", recordsPath: "data", auth: { type: "basic", username: "svc" } },
      secrets: { "auth.password": "first" },
      mapping,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.secretsSet).toEqual(["auth.password"]);
    // A rename keeps the password; the settings still validate with it in place.
    const renamed = await client.patch(`/api/v1/source-systems/${created.body.id}`, { name: "HR API (prod)" });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body.secretsSet).toEqual(["auth.password"]);
    // Without its password, basic auth is incomplete: refused with the connector's message.
    const removed = await client.patch(`/api/v1/source-systems/${created.body.id}`, { secrets: { "auth.password": null } });
    expect(removed.status).toBe(400);
    expect(removed.body.error.code).toBe("invalid_settings");
  });

  it("refuses settings that the connector cannot use, with the field named", async () => {
    const { client, tenantId } = await ctx.newTenant();
    const response = await client.post("/api/v1/source-systems", { name: "Bad", connectorType: "csv", settings: { layout: "three-files" }, mapping });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/layout/);
    expect(await ctx.api.ownerPrisma.sourceSystem.count({ where: { tenantId } })).toBe(0);
  });

  it("refuses a mapping that does not map ExternalId or names unknown fields", async () => {
    const { client } = await ctx.newTenant();
    const base = { name: "HR", connectorType: "csv", settings: { layout: "single", persons: { personKey: "Id" } } };
    const noId = await client.post("/api/v1/source-systems", { ...base, mapping: { person: {}, contract: {} } });
    expect(noId.status).toBe(400);
    expect(noId.body.error.message).toContain("ExternalId is not mapped");
    const unknown = await client.post("/api/v1/source-systems", { ...base, mapping: { person: { ExternalId: { type: "field", path: "Id" }, "Name.GivenNaam": { type: "field", path: "x" } }, contract: {} } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/GivenName/);
  });
});

describe("Import now", () => {
  it("accepts exactly one of five concurrent starts of one source; the others are told an import is running", async () => {
    const { client, tenantId } = await ctx.newTenant();
    // Several sources at once, so that the starts of each really do overlap.
    const sources = await Promise.all(
      Array.from({ length: 4 }, (_, index) => client.post("/api/v1/source-systems", { name: `HR ${index}`, connectorType: "http_json", settings: { url: "https://hr.example.test/persons" }, mapping })),
    );
    const responses = await Promise.all(sources.flatMap((source) => Array.from({ length: 5 }, () => client.post(`/api/v1/source-systems/${source.body.id}/imports`, {}))));
    for (const [index, source] of sources.entries()) {
      const mine = responses.slice(index * 5, index * 5 + 5);
      expect(mine.map((response) => response.status).sort()).toEqual([202, 409, 409, 409, 409]);
      for (const refused of mine.filter((response) => response.status === 409)) expect(refused.body.error.code).toBe("import_running");
      expect(await ctx.api.ownerPrisma.import.count({ where: { tenantId, sourceSystemId: source.body.id } })).toBe(1);
    }
  });

  it("starts a CSV source whose file has a URL without an upload, and still asks for the files that have none", async () => {
    const { client } = await ctx.newTenant();
    const settings = { layout: "single", persons: { url: "https://hr.example.test/persons.csv", delimiter: ";", personKey: "id" } };
    const withUrl = await client.post("/api/v1/source-systems", { name: "By URL", connectorType: "csv", settings, mapping });
    expect(withUrl.status, withUrl.text).toBe(201);
    const started = await client.post(`/api/v1/source-systems/${withUrl.body.id}/imports`, {});
    expect(started.status, started.text).toBe(202);
    expect(started.body.status).toBe("queued");

    const withoutUrl = await client.post("/api/v1/source-systems", { name: "Upload", connectorType: "csv", settings: { layout: "single", persons: { delimiter: ";", personKey: "id" } }, mapping });
    const refused = await client.post(`/api/v1/source-systems/${withoutUrl.body.id}/imports`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("upload_required");
  });
});
