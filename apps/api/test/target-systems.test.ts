import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @idlife/testing depends on @idlife/api, so the API's tests take the peers by path.
import { useSlapd } from "../../../packages/testing/src/peers/index.ts";
import { slapdDirectorySettings, startTestApi, type TestApi, type TestClient } from "./support/index.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const slapd = useSlapd();

const directorySettings = () => slapdDirectorySettings(slapd.peer, slapd.peer.baseDn);

const mapping = [
  { attribute: "sAMAccountName", actions: ["create"], kind: "field", field: "ExternalId" },
  { attribute: "displayName", actions: ["create", "update"], kind: "field", field: "DisplayName" },
];

async function createDirectory(client: TestClient, extra: Record<string, unknown> = {}) {
  const response = await client.post("/api/v1/target-systems", {
    name: `Directory ${Math.random().toString(36).slice(2, 8)}`,
    connectorType: "ldap",
    settings: directorySettings(),
    secrets: { password: slapd.peer.password },
    fieldMapping: mapping,
    ...extra,
  });
  expect(response.status, response.text).toBe(201);
  return response.body as { id: string; name: string; secretsSet: string[]; usesAccountDataFrom: string[] };
}

describe("target systems", () => {
  it("are created, read, changed and deleted; the bind password is stored encrypted and never returned or audited", async () => {
    const { client } = await api.createTenantWithMember("owner");
    // Typed into the settings, the password moves to the encrypted secrets.
    const created = await client.post("/api/v1/target-systems", { name: "AD", connectorType: "ldap", settings: { ...directorySettings(), password: "bind-s3cret" }, fieldMapping: mapping });
    expect(created.status, created.text).toBe(201);
    expect(created.body.secretsSet).toEqual(["password"]);
    expect(created.body.fieldMapping.map((entry: { attribute: string }) => entry.attribute)).toEqual(["sAMAccountName", "displayName"]);
    const stored = await api.ownerPrisma.targetSystem.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(JSON.stringify(stored.settings)).not.toContain("bind-s3cret");
    expect(Buffer.from(stored.secrets!).toString("latin1")).not.toContain("bind-s3cret");

    const renamed = await client.patch(`/api/v1/target-systems/${created.body.id}`, { name: "Active Directory" });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Active Directory", secretsSet: ["password"] });
    const list = await client.get("/api/v1/target-systems");
    expect(list.body.map((system: { name: string }) => system.name)).toEqual(["Active Directory"]);
    for (const body of [created.text, renamed.text, list.text, (await client.get(`/api/v1/target-systems/${created.body.id}`)).text, (await client.get("/api/v1/audit-log")).text]) {
      expect(body).not.toContain("bind-s3cret");
    }
    const audit = await client.get("/api/v1/audit-log?action=target_system.update");
    expect(audit.body.items.length).toBe(1);

    expect((await client.delete(`/api/v1/target-systems/${created.body.id}`)).status).toBe(204);
    expect((await client.get(`/api/v1/target-systems/${created.body.id}`)).status).toBe(404);
  });

  it("will not send the stored bind password to a new server unless it is given again", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const system = await createDirectory(client);
    const elsewhere = { ...directorySettings(), url: "ldaps://dc.elsewhere.example:636" };
    const refused = await client.patch(`/api/v1/target-systems/${system.id}`, { settings: elsewhere });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("secrets_reconfirm_required");
    expect(refused.body.error.message).toContain("ldaps://dc.elsewhere.example:636");
    expect((await client.get(`/api/v1/target-systems/${system.id}`)).body.settings.url).toBe(slapd.peer.url);
    // The same server with other settings needs nothing again; a new one with the password does.
    expect((await client.patch(`/api/v1/target-systems/${system.id}`, { settings: { ...directorySettings(), pageSize: 100 } })).status).toBe(200);
    const moved = await client.patch(`/api/v1/target-systems/${system.id}`, { settings: elsewhere, secrets: { password: "for-the-new-server" } });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.settings.url).toBe("ldaps://dc.elsewhere.example:636");
  });

  it("offers the connector catalogue with each connector's settings as JSON Schema and its secret fields", async () => {
    const { client } = await api.createTenantWithMember("auditor");
    const catalogue = await client.get("/api/v1/target-connector-types");
    expect(catalogue.status).toBe(200);
    const ldap = catalogue.body.find((connector: { type: string }) => connector.type === "ldap");
    expect(ldap.secretFields).toEqual(["password"]);
    expect(ldap.settingsSchema.properties.url).toBeDefined();
  });

  it("refuses settings the connector cannot use, naming the field, and stores nothing", async () => {
    const { client, tenantId } = await api.createTenantWithMember("owner");
    const response = await client.post("/api/v1/target-systems", { name: "AD", connectorType: "ldap", settings: { ...directorySettings(), url: "http://dc.example" }, secrets: { password: "x" } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_settings");
    expect(response.body.error.message).toContain("'url'");
    const unknownSecret = await client.post("/api/v1/target-systems", { name: "AD", connectorType: "ldap", settings: directorySettings(), secrets: { password: "x", token: "y" } });
    expect(unknownSecret.status).toBe(400);
    expect(unknownSecret.body.error.code).toBe("unknown_secret");
    expect(await api.ownerPrisma.targetSystem.count({ where: { tenantId } })).toBe(0);
  });

  it("refuses a field mapping whose kind lacks its part, an unknown person field, or a script that does not compile", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const attempt = (fieldMapping: unknown[]) => client.post("/api/v1/target-systems", { name: "AD", connectorType: "ldap", settings: directorySettings(), secrets: { password: "x" }, fieldMapping });
    const noField = await attempt([{ attribute: "mail", actions: ["create"], kind: "field" }]);
    expect(noField.status).toBe(400);
    expect(noField.body.error.message).toBe("Field mapping 1 (mail): a field mapping needs a field.");
    const unknownField = await attempt([{ attribute: "mail", actions: ["create"], kind: "field", field: "Name.GivenNaam" }]);
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.message).toContain("'Name.GivenNaam' is not a person field");
    const badScript = await attempt([{ attribute: "cn", actions: ["create"], kind: "complex", script: "return person.Name.GivenName +;" }]);
    expect(badScript.status).toBe(400);
    expect(badScript.body.error.code).toBe("invalid_script");
    expect(badScript.body.error.message).toContain("Field mapping 1 (cn): the script does not compile");
    const fine = await attempt([{ attribute: "cn", actions: ["create"], kind: "complex", script: "return person.Name.GivenName;" }]);
    expect(fine.status, fine.text).toBe(201);
  });

  it("records which systems' account data a mapping uses, and refuses a cycle between systems by name, changing nothing", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const directory = await createDirectory(client);
    const app = await createDirectory(client, { fieldMapping: [{ attribute: "mail", actions: ["create"], kind: "field", field: `Accounts.${directory.id}.mail` }] });
    expect(app.usesAccountDataFrom).toEqual([directory.id]);
    const before = await api.ownerPrisma.targetSystem.findUniqueOrThrow({ where: { id: directory.id } });
    const cycle = await client.patch(`/api/v1/target-systems/${directory.id}`, {
      fieldMapping: [{ attribute: "description", actions: ["update"], kind: "complex", script: `return accounts["${app.id}"].mail;` }],
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.code).toBe("account_data_cycle");
    expect(cycle.body.error.message).toContain(`${directory.name} uses ${app.name} uses ${directory.name}`);
    const after = await api.ownerPrisma.targetSystem.findUniqueOrThrow({ where: { id: directory.id } });
    expect(after.fieldMapping).toEqual(before.fieldMapping);
    expect(after.usesAccountDataFrom).toEqual([]);
    // The system whose data another uses cannot go while that mapping needs it.
    const removed = await client.delete(`/api/v1/target-systems/${directory.id}`);
    expect(removed.status).toBe(409);
    expect(removed.body.error.message).toContain(app.name);
  });

  it("refuses to delete a system that still manages accounts unless forced, saying how many", async () => {
    const { client, tenantId } = await api.createTenantWithMember("owner");
    const system = await createDirectory(client);
    const person = await newPerson(tenantId, "P-1", "Anna Bakker");
    await api.ownerPrisma.targetAccount.create({ data: { tenantId, targetSystemId: system.id, personId: person.id, reference: "ref-1", managedBy: "created" } });
    const refused = await client.delete(`/api/v1/target-systems/${system.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("still manages 1 account");
    expect((await client.delete(`/api/v1/target-systems/${system.id}?force=true`)).status).toBe(204);
    expect(await api.ownerPrisma.targetAccount.count({ where: { tenantId } })).toBe(0);
  });

  it("keep safety thresholds per action and entitlement type, bounded, with the conservative defaults where none are set", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const system = await createDirectory(client);
    expect((await client.get(`/api/v1/target-systems/${system.id}`)).body.thresholds).toEqual({});
    const set = await client.patch(`/api/v1/target-systems/${system.id}`, { thresholds: { windowHours: 48, limits: { "revoke:account": { count: 5, percent: 2 } } } });
    expect(set.status, set.text).toBe(200);
    expect(set.body.thresholds).toEqual({ windowHours: 48, limits: { "revoke:account": { count: 5, percent: 2 } } });
    for (const thresholds of [{ limits: { "revoke:account": { percent: 101 } } }, { windowHours: 10_000 }, { limits: { "delete:everything": { count: 1 } } }]) {
      const refused = await client.patch(`/api/v1/target-systems/${system.id}`, { thresholds });
      expect(refused.status, JSON.stringify(thresholds)).toBe(400);
    }
    expect((await client.get(`/api/v1/target-systems/${system.id}`)).body.thresholds.windowHours).toBe(48);
  });

  it("refuses __proto__, constructor and prototype as names in the settings", async () => {
    const { client, tenantId } = await api.createTenantWithMember("owner");
    const settings = JSON.stringify(directorySettings()).replace(/^\{/, '{"__proto__":{"polluted":true},');
    const response = await client.request("POST", "/api/v1/target-systems", { rawBody: `{"name":"AD","connectorType":"ldap","secrets":{"password":"x"},"settings":${settings}}` });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("forbidden_key");
    const lookup = await client.request("POST", "/api/v1/target-systems", {
      rawBody: JSON.stringify({ name: "AD", connectorType: "ldap", secrets: { password: "x" }, settings: directorySettings() }).replace(/\}$/, ',"container":{"kind":"field","field":"Location.Code","lookup":{"constructor":"OU=X,DC=example,DC=test"}}}'),
    });
    expect(lookup.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await api.ownerPrisma.targetSystem.count({ where: { tenantId } })).toBe(0);
  });

  it("answer another tenant's target system ids with 404", async () => {
    const owner = await api.createTenantWithMember("owner");
    const system = await createDirectory(owner.client);
    const other = await api.createTenantWithMember("owner");
    for (const [method, path] of [
      ["GET", `/api/v1/target-systems/${system.id}`],
      ["PATCH", `/api/v1/target-systems/${system.id}`],
      ["DELETE", `/api/v1/target-systems/${system.id}`],
      ["POST", `/api/v1/target-systems/${system.id}/test-connection`],
      ["GET", `/api/v1/target-systems/${system.id}/permissions`],
      ["POST", `/api/v1/target-systems/${system.id}/inventory`],
      ["GET", `/api/v1/target-systems/${system.id}/inventory`],
    ] as const) {
      const response = await other.client.request(method, path, method === "PATCH" ? { body: { name: "Mine now" } } : method === "POST" ? { body: {} } : {});
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect((await owner.client.get(`/api/v1/target-systems/${system.id}`)).body.name).toBe(system.name);
  });
});

async function newPerson(tenantId: string, externalId: string, displayName: string) {
  return api.ownerPrisma.person.create({
    data: { tenantId, externalId, displayName, status: "active", data: { ExternalId: externalId, DisplayName: displayName, Contracts: [] }, sourceSystemIds: [], searchText: displayName.toLowerCase() },
  });
}
