// One person's HR change pushed through the API reaches the directory on its own: the push is
// snapshotted for that person only, the snapshot asks for an evaluation of that person only, and
// the plan is enforced. Everything through the API and the worker, against a real slapd.
import { describe, expect, it } from "vitest";
import { Client } from "ldapts";
import { useFactories, waitFor, waitForImport } from "@idlife/testing";
import { slapdDirectorySettings, useSlapd } from "@idlife/testing/peers";

const ctx = useFactories({ worker: true, workerEnv: { FIXED_TODAY: "2026-12-04" } });
const slapd = useSlapd();

const rawPerson = (id: string, familyName: string) => ({
  Id: id,
  Roepnaam: `Given${id}`,
  Achternaam: familyName,
  Geboortedatum: "1980-01-01",
  Contracts: [{ Contract: `${id}-1`, Start: "2020-01-01", Einde: "", Fte: "1", Leidinggevende: "" }],
});

async function directoryUsers(base: string) {
  const client = new Client({ url: slapd.peer.url });
  try {
    await client.bind(slapd.peer.bindDn, slapd.peer.password);
    const { searchEntries } = await client.search(base, { scope: "sub", filter: "(objectClass=user)", attributes: ["cn", "sn", "userAccountControl"] });
    return new Map(searchEntries.map((entry) => [String(entry.cn), { sn: String(entry.sn), enabled: entry.userAccountControl === "512" }]));
  } finally {
    await client.unbind();
  }
}

describe("a pushed HR change", () => {
  it("reaches the directory without an import or an evaluation of anyone else", { timeout: 180_000 }, async () => {
    const tenant = await ctx.newTenant();
    const client = tenant.owner.client;
    const source = await ctx.newSourceSystem(tenant);
    const enabled = await client.patch(`/api/v1/source-systems/${source.id}`, { settings: { layout: "single", persons: { delimiter: ";", personKey: "Id", contractColumns: ["Contract", "Start", "Einde", "Fte", "Leidinggevende"] }, push: { enabled: true } } });
    expect(enabled.status, enabled.text).toBe(200);
    await ctx.newPersons(tenant, [{ externalId: "7001", familyName: "Bakker" }, { externalId: "7002", familyName: "Vries" }, { externalId: "7003", familyName: "Smit" }], { source });

    const base = `ou=push-${Date.now()},${slapd.peer.baseDn}`;
    const admin = await slapd.peer.connect();
    await admin.add(base, { objectClass: ["top", "organizationalUnit"] });
    await admin.unbind();
    const system = await client.post("/api/v1/target-systems", {
      name: "Directory",
      connectorType: "ldap",
      settings: slapdDirectorySettings(slapd.peer, base),
      secrets: { password: slapd.peer.password },
      passwordPolicy: { generate: false },
      fieldMapping: [
        { attribute: "cn", kind: "field", field: "ExternalId", actions: ["create"] },
        { attribute: "sn", kind: "field", field: "Name.FamilyName", actions: ["create", "update"] },
      ],
    });
    expect(system.status, system.text).toBe(201);

    const rule = await client.post("/api/v1/business-rules", {
      name: "Everyone with a contract",
      definition: { condition: { kind: "field", field: "Contract.ExternalId", operator: "isNotEmpty" }, entitlements: [{ kind: "account", targetSystemId: system.body.id }, { kind: "access", targetSystemId: system.body.id }] },
    });
    expect(rule.status, rule.text).toBe(201);
    const evaluate = async (body: Record<string, unknown>) => {
      const started = await client.post("/api/v1/evaluations", body);
      expect(started.status, started.text).toBe(202);
      return waitFor("the evaluation", async () => {
        const run = (await client.get(`/api/v1/evaluations/${started.body.id}`)).body;
        return run.status === "completed" ? run : undefined;
      });
    };
    const simulation = await evaluate({ mode: "simulation" });
    expect((await client.post(`/api/v1/business-rules/${rule.body.id}/publish`, { simulationId: simulation.id })).status).toBe(201);
    await evaluate({ mode: "published", enforce: true });
    await waitFor("three enabled accounts", async () => {
      const users = await directoryUsers(base);
      return users.size === 3 && [...users.values()].every((user) => user.enabled) ? users : undefined;
    });
    const evaluationsBefore = (await client.get("/api/v1/evaluations")).body.length;

    // 7002 married: the HR system pushes her record.
    const integrator = (await ctx.newApiKey(tenant, ["read", "write"])).client;
    const pushed = await integrator.post(`/api/v1/source-systems/${source.id}/records`, { records: [rawPerson("7002", "Vries-Jansen")] });
    expect(pushed.status, pushed.text).toBe(202);
    expect((await waitForImport(client, pushed.body.id)).status).toBe("completed");
    const users = await waitFor("the new family name in the directory", async () => {
      const now = await directoryUsers(base);
      return now.get("7002")?.sn === "Vries-Jansen" ? now : undefined;
    });
    expect(users.get("7001")).toEqual({ sn: "Bakker", enabled: true });

    // One evaluation followed, of that person only; no other import ran.
    const evaluations = (await client.get("/api/v1/evaluations")).body as Array<{ everyone: boolean; trigger: string; enforce: boolean; counts: { persons: number } }>;
    expect(evaluations.length).toBe(evaluationsBefore + 1);
    expect(evaluations[0]).toMatchObject({ everyone: false, trigger: "snapshot", enforce: true, counts: expect.objectContaining({ persons: 1 }) });
    const imports = (await client.get(`/api/v1/source-systems/${source.id}/imports`)).body as Array<{ trigger: string }>;
    expect(imports.map((run) => run.trigger).sort()).toEqual(["manual", "push"]);
  });
});
