import { describe, expect, it } from "vitest";
import { importNow, readExample, readExampleJson, useFactories, type FactoryTenant, type TestClient } from "@idlife/testing";
import { startFakeHrApi } from "../../../examples/scripts/serve-fake-hr-api.ts";

// The committed example organisation (examples/README.md), imported through the CSV connector
// and through the script connector, must give the persons the README promises.
const ctx = useFactories({ worker: true, workerEnv: { FIXED_TODAY: "2026-11-22" } });

// ExternalId → [DisplayName, primary contract, manager, status], from examples/README.md.
const namedPeople: Record<string, [string, string, string | null, string]> = {
  "100001": ["Ingrid Bosman", "100001-1", null, "active"],
  "100003": ["Kevin Smits", "100003-1", "100002", "active"],
  "100006": ["Joyce de Wit", "100006-1", "100004", "active"],
  "100020": ["Henk Mulder", "100020-1", "100011", "active"],
  "100040": ["Ruud Koster", "100040-1", "100025", "active"],
  "100101": ["Marieke van den Berg - de Jong", "100101-1", "100020", "active"],
  "100102": ["Esther Smit - van der Linden", "100102-1", "100020", "active"],
  "100104": ["Daan Willems", "100104-2", "100020", "active"],
  "100105": ["Lotte Dekker", "100105-1", "100020", "future"],
  "100106": ["Gerrit Post", "100106-1", "100020", "former"],
  "100107": ["Wendy Bakker", "100107-2", "100020", "active"],
  "100108": ["Thomas de Vries", "100108-2", "100020", "active"],
  "100120": ["Sanne Jansen", "100120-1", "100021", "active"],
  "100142": ["Lisa Hermans", "100142-1", "100040", "active"],
  "100150": ["Bart Smeets", "100150-1", "100010", "active"],
};

const runImport = importNow;

/** The example HR export as a CSV source system of the tenant, files uploaded. */
const hrCsvSource = async (tenant: FactoryTenant) => (await ctx.newExampleSource(tenant, "hr-visma-raet")).id;

async function personsByExternalId(client: TestClient) {
  const page = (await client.get("/api/v1/persons?limit=500")).body;
  const details = await Promise.all(page.items.map(async (item: { id: string }) => (await client.get(`/api/v1/persons/${item.id}`)).body));
  return new Map(details.map((person) => [person.externalId as string, person]));
}

function summary(person: { displayName: string; primaryContractId: string; status: string; data: { PrimaryManager: { ExternalId: string } | null } }) {
  return [person.displayName, person.primaryContractId, person.data.PrimaryManager?.ExternalId ?? null, person.status];
}

describe("the example HR organisation", () => {
  let csvPersons: Map<string, any>;

  it("imported from the CSV export gives the documented persons, primary contracts, managers and names", async () => {
    const tenant = await ctx.newTenant();
    const { client } = tenant;
    const run = await runImport(client, await hrCsvSource(tenant));
    expect(run.status, JSON.stringify(run)).toBe("completed");
    expect(run.counts).toMatchObject({ fetched: 60, blocked: 0, departments: 45 });

    csvPersons = await personsByExternalId(client);
    expect(csvPersons.size).toBe(60);
    for (const [externalId, expected] of Object.entries(namedPeople)) {
      expect(summary(csvPersons.get(externalId)), externalId).toEqual(expected);
    }
    const noor = csvPersons.get("100103");
    expect(noor.data.Contact.Personal.Email).toBe("noor.hoekstra@example.com");
  });

  it("imported through the script connector from the HR API gives the same persons", async () => {
    const hrApi = await startFakeHrApi();
    try {
      const tenant = await ctx.newTenant();
      const { client } = tenant;
      const created = await ctx.newSourceSystem(tenant, {
        name: "HR API",
        type: "script",
        settings: { script: readExample("scripts/hr-script-connector.js"), config: { baseUrl: hrApi.baseUrl }, allowedHosts: ["127.0.0.1"] },
        secrets: { token: hrApi.token },
        mapping: readExampleJson("mappings/hr-visma-raet.json"),
        thresholds: null,
      });
      const run = await runImport(client, created.id);
      expect(run.status, JSON.stringify(run)).toBe("completed");
      const scriptPersons = await personsByExternalId(client);
      expect([...scriptPersons.keys()].sort()).toEqual([...csvPersons.keys()].sort());
      for (const [externalId, person] of csvPersons) {
        expect(summary(scriptPersons.get(externalId)), externalId).toEqual(summary(person));
      }
    } finally {
      await hrApi.close();
    }
  });
});

describe("primary contract criteria", () => {
  it("shows who would get a different primary contract before saving, and re-decides persons after saving", async () => {
    const tenant = await ctx.newTenant();
    const { client } = tenant;
    expect((await runImport(client, await hrCsvSource(tenant))).status).toBe("completed");
    // Sequence first: Sanne Jansen's second contract (higher Volgnummer, lower Fte) would win.
    const criteria = [{ field: "Sequence", direction: "desc" }, { field: "Fte", direction: "desc" }];
    const preview = await client.post("/api/v1/tenant/primary-contract/preview", { criteria });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toEqual(expect.arrayContaining([expect.objectContaining({ externalId: "100120", oldContractExternalId: "100120-1", newContractExternalId: "100120-2" })]));
    expect((await personsByExternalId(client)).get("100120").primaryContractId).toBe("100120-1");

    expect((await client.patch("/api/v1/tenant", { settings: { primaryContractCriteria: criteria } })).status).toBe(200);
    for (let attempt = 0; attempt < 300; attempt++) {
      if ((await personsByExternalId(client)).get("100120").primaryContractId === "100120-2") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const sanne = (await personsByExternalId(client)).get("100120");
    expect(sanne.primaryContractId).toBe("100120-2");
    const history = (await client.get(`/api/v1/persons/${sanne.id}/history`)).body;
    expect(history.find((entry: { field: string }) => entry.field === "PrimaryContract.ExternalId")).toMatchObject({ oldValue: "100120-1", newValue: "100120-2", cause: "configuration" });
  });
});
