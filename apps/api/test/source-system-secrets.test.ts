import { describe, expect, it } from "vitest";
import { useFactories } from "@idlife/testing";
import { decryptSecrets } from "@idlife/db";

const ctx = useFactories();

const mapping = { person: { ExternalId: { type: "field", path: "id" } }, contract: {} };
const script = "async function main({ config }) { return { persons: [] }; }";

async function storedSource(id: string) {
  const row = await ctx.api.ownerPrisma.sourceSystem.findUniqueOrThrow({ where: { id } });
  return { settings: JSON.stringify(row.settings), secrets: decryptSecrets(row.secrets, ctx.api.config.secretsKey) };
}

async function auditText(tenantId: string) {
  const entries = await ctx.api.ownerPrisma.auditEntry.findMany({ where: { tenantId, targetType: "source_system" } });
  expect(entries.length).toBeGreaterThan(0);
  return JSON.stringify(entries.map((entry) => [entry.before, entry.after]));
}

describe("script connector secrets", () => {
  it("are encrypted, never stored in the settings, never shown to auditors or read keys, never audited", async () => {
    const { client, tenantId } = await ctx.newTenant();
    const created = await client.post("/api/v1/source-systems", {
      name: "HR script",
      connectorType: "script",
      settings: { script, config: { baseUrl: "https://hr.example", apiKey: "config-api-key-value" }, allowedHosts: ["hr.example"] },
      secrets: { token: "request-token-value" },
      mapping,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.secretsSet).toEqual(["apiKey", "token"]);
    expect(created.body.settings.config).toEqual({ baseUrl: "https://hr.example" });
    // A change is audited with before and after: neither may hold a secret either.
    const renamed = await client.patch(`/api/v1/source-systems/${created.body.id}`, { name: "HR script (prod)", secrets: { token: "second-token-value" } });
    expect(renamed.status, renamed.text).toBe(200);

    const auditor = (await ctx.api.addMember(tenantId, "auditor")).client;
    const readKey = ctx.api.client().withApiKey((await ctx.api.createApiKey(client, ["read"])).secret);
    for (const caller of [auditor, readKey, client]) {
      const one = await caller.get(`/api/v1/source-systems/${created.body.id}`);
      const all = await caller.get("/api/v1/source-systems");
      expect(one.status).toBe(200);
      expect(one.body.secretsSet).toEqual(["apiKey", "token"]);
      for (const text of [one.text, all.text]) expect(text).not.toMatch(/config-api-key-value|request-token-value|second-token-value/);
    }
    const auditLog = await auditor.get("/api/v1/audit-log");
    expect(auditLog.status).toBe(200);
    expect(auditLog.text).not.toMatch(/config-api-key-value|request-token-value|second-token-value/);
    expect(await auditText(tenantId)).not.toMatch(/config-api-key-value|request-token-value|second-token-value/);

    const stored = await storedSource(created.body.id);
    expect(stored.settings).not.toMatch(/config-api-key-value|token-value/);
    expect(stored.secrets).toEqual({ apiKey: "config-api-key-value", token: "second-token-value" });
  });

  it("are not shown from a row saved before the rule, and move to the encrypted store at its next save", async () => {
    const { client, tenantId } = await ctx.newTenant();
    const legacy = await ctx.api.ownerPrisma.sourceSystem.create({
      data: { tenantId, name: "Old script", connectorType: "script", settings: { script, config: { baseUrl: "https://hr.example", apiKey: "legacy-key-value" } } },
    });
    const auditor = (await ctx.api.addMember(tenantId, "auditor")).client;
    const shown = await auditor.get(`/api/v1/source-systems/${legacy.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.settings.config).toEqual({ baseUrl: "https://hr.example" });
    expect(shown.text).not.toContain("legacy-key-value");
    const saved = await client.patch(`/api/v1/source-systems/${legacy.id}`, { name: "Old script (moved)" });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.secretsSet).toEqual(["apiKey"]);
    expect(await auditText(tenantId)).not.toContain("legacy-key-value");
    const stored = await storedSource(legacy.id);
    expect(stored.settings).not.toContain("legacy-key-value");
    expect(stored.secrets).toEqual({ apiKey: "legacy-key-value" });
  });

  it("refuses settings without limits or with secrets it cannot move, and secret names a script cannot use", async () => {
    const { client, tenantId } = await ctx.newTenant();
    const post = (settings: Record<string, unknown>, secrets?: Record<string, string>) =>
      client.post("/api/v1/source-systems", { name: "S", connectorType: "script", settings, ...(secrets ? { secrets } : {}), mapping });
    const cases: Array<[Record<string, unknown>, Record<string, string> | undefined, string]> = [
      [{ script, timeoutMs: 31 * 60_000 }, undefined, "invalid_settings"],
      [{ script, memoryLimitMb: 4096 }, undefined, "invalid_settings"],
      [{ script: "x".repeat(300 * 1024) }, undefined, "invalid_settings"],
      [{ script, allowedHosts: Array.from({ length: 51 }, (_, index) => `h${index}.example`) }, undefined, "invalid_settings"],
      [{ script, unknownSetting: true }, undefined, "invalid_settings"],
      [{ script, config: { nested: { password: "nested-secret" } } }, undefined, "secret_in_settings"],
      [{ script }, { "not a name": "x" }, "unknown_secret"],
      [{ script }, Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`s${index}`, "x"])), "invalid_secrets"],
      [{ script, config: { token: "one" } }, { token: "two" }, "secret_given_twice"],
    ];
    for (const [settings, secrets, code] of cases) {
      const response = await post(settings, secrets);
      expect(response.status, JSON.stringify(settings).slice(0, 100)).toBe(400);
      expect(response.body.error.code).toBe(code);
      expect(response.text).not.toContain("nested-secret");
    }
    expect(await ctx.api.ownerPrisma.sourceSystem.count({ where: { tenantId } })).toBe(0);
  });

  it("moves secret-looking HTTP headers out of the settings of other connectors too", async () => {
    const { client, tenantId } = await ctx.newTenant();
    const created = await client.post("/api/v1/source-systems", {
      name: "HR API",
      connectorType: "http_json",
      settings: { url: "https://hr.example/api", headers: { Accept: "application/json", "X-Api-Key": "header-key-value" }, auth: { type: "api-key", header: "X-Key", value: "auth-value-secret" } },
      mapping,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.secretsSet).toEqual(["auth.value", "headers.X-Api-Key"]);
    expect(created.text).not.toMatch(/header-key-value|auth-value-secret/);
    expect(await auditText(tenantId)).not.toMatch(/header-key-value|auth-value-secret/);
    const stored = await storedSource(created.body.id);
    expect(stored.settings).not.toMatch(/header-key-value|auth-value-secret/);
    expect(stored.secrets).toEqual({ "auth.value": "auth-value-secret", "headers.X-Api-Key": "header-key-value" });
    // A secret this connector has no place for is refused, not stored unused.
    const misnamed = await client.post("/api/v1/source-systems", { name: "HR API 2", connectorType: "http_json", settings: { url: "https://hr.example/api" }, secrets: { "auth.passwort": "x" }, mapping });
    expect(misnamed.status).toBe(400);
    expect(misnamed.body.error.code).toBe("unknown_secret");
  });

  it("bounds the HTTP JSON and CSV limits an administrator sets", async () => {
    const { client } = await ctx.newTenant();
    const httpJson = (extra: Record<string, unknown>) => client.post("/api/v1/source-systems", { name: "H", connectorType: "http_json", settings: { url: "https://hr.example/api", ...extra }, mapping });
    const csv = (persons: Record<string, unknown>, download: Record<string, unknown> = {}) =>
      client.post("/api/v1/source-systems", { name: "C", connectorType: "csv", settings: { layout: "single", persons: { personKey: "Id", ...persons }, download }, mapping });
    for (const response of [
      await httpJson({ pagination: { type: "page", size: 1_000_000 } }),
      await httpJson({ pagination: { type: "offset", limit: 1_000_000 } }),
      await httpJson({ limits: { maxPages: 1e9 } }),
      await httpJson({ limits: { timeoutMs: 24 * 3_600_000 } }),
      await httpJson({ limits: { retryBaseDelayMs: 3_600_000 } }),
      await httpJson({ limits: { maxRetryDelayMs: 24 * 3_600_000 } }),
      await httpJson({ limits: { maxTotalBytes: 1e12 } }),
      await csv({ maxBytes: 1e12 }),
      await csv({}, { timeoutMs: 24 * 3_600_000 }),
    ]) {
      expect(response.status, response.text).toBe(400);
      expect(response.body.error.code).toBe("invalid_settings");
    }
  });
});

describe("stored credentials and a changed host", () => {
  async function basicAuthSource() {
    const { client } = await ctx.newTenant();
    const created = await client.post("/api/v1/source-systems", {
      name: "HR API",
      connectorType: "http_json",
      settings: { url: "https://hr.example/api/persons", auth: { type: "basic", username: "svc" } },
      secrets: { "auth.password": "first-password" },
      mapping,
    });
    expect(created.status, created.text).toBe(201);
    const id: string = created.body.id;
    const settings = created.body.settings as Record<string, unknown>;
    return { client, id, settings, patch: (body: Record<string, unknown>) => client.patch(`/api/v1/source-systems/${id}`, body) };
  }

  it("refuses a new host unless the same request gives the secrets again, and changes nothing when it refuses", async () => {
    const { client, id, settings, patch } = await basicAuthSource();
    const moved = await patch({ settings: { ...settings, url: "https://attacker.example/collect" } });
    expect(moved.status).toBe(400);
    expect(moved.body.error).toMatchObject({ code: "secrets_reconfirm_required", details: { secrets: ["auth.password"] } });
    expect((await client.get(`/api/v1/source-systems/${id}`)).body.settings.url).toBe("https://hr.example/api/persons");
    expect((await storedSource(id)).secrets).toEqual({ "auth.password": "first-password" });
    // Another port is another server too.
    expect((await patch({ settings: { ...settings, url: "https://hr.example:8443/api/persons" } })).status).toBe(400);

    const samePlace = await patch({ settings: { ...settings, url: "https://hr.example/api/v2/persons" } });
    expect(samePlace.status, samePlace.text).toBe(200);
    expect((await storedSource(id)).secrets).toEqual({ "auth.password": "first-password" });

    const confirmed = await patch({ settings: { ...settings, url: "https://hr-new.example/api/persons" }, secrets: { "auth.password": "new-password" } });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body.settings.url).toBe("https://hr-new.example/api/persons");
    expect((await storedSource(id)).secrets).toEqual({ "auth.password": "new-password" });
  });

  it("refuses another kind of authentication unless the old secrets are given again or removed", async () => {
    const { id, settings, patch } = await basicAuthSource();
    const bearer = { ...settings, auth: { type: "bearer", token: "bearer-token" } };
    const refused = await patch({ settings: bearer });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "secrets_reconfirm_required", details: { secrets: ["auth.password"] } });
    expect((await storedSource(id)).secrets).toEqual({ "auth.password": "first-password" });
    const switched = await patch({ settings: bearer, secrets: { "auth.password": null } });
    expect(switched.status, switched.text).toBe(200);
    expect((await storedSource(id)).secrets).toEqual({ "auth.token": "bearer-token" });
  });

  it("applies to CSV download URLs and to a script's allowed hosts", async () => {
    const { client } = await ctx.newTenant();
    const csv = await client.post("/api/v1/source-systems", {
      name: "CSV",
      connectorType: "csv",
      settings: { layout: "single", persons: { personKey: "Id", url: "https://files.example/persons.csv" }, download: { auth: { type: "bearer", token: "csv-token" } } },
      mapping,
    });
    expect(csv.status, csv.text).toBe(201);
    const csvSettings = csv.body.settings;
    const csvMoved = await client.patch(`/api/v1/source-systems/${csv.body.id}`, { settings: { ...csvSettings, persons: { ...csvSettings.persons, url: "https://other.example/persons.csv" } } });
    expect(csvMoved.status).toBe(400);
    expect(csvMoved.body.error).toMatchObject({ code: "secrets_reconfirm_required", details: { secrets: ["download.auth.token"] } });

    const scripted = await client.post("/api/v1/source-systems", { name: "Script", connectorType: "script", settings: { script, allowedHosts: ["hr.example"] }, secrets: { token: "script-token" }, mapping });
    expect(scripted.status, scripted.text).toBe(201);
    const widened = await client.patch(`/api/v1/source-systems/${scripted.body.id}`, { settings: { script, allowedHosts: ["hr.example", "other.example"] } });
    expect(widened.status).toBe(400);
    expect(widened.body.error).toMatchObject({ code: "secrets_reconfirm_required", details: { secrets: ["token"] } });
    const narrowed = await client.patch(`/api/v1/source-systems/${scripted.body.id}`, { settings: { script, allowedHosts: [] } });
    expect(narrowed.status, narrowed.text).toBe(200);
    expect((await storedSource(scripted.body.id)).secrets).toEqual({ token: "script-token" });
  });
});
