import { describe, expect, it } from "vitest";
import type { TestClient } from "@idlife/api/testing";
import { useApiWithWorker } from "./support.ts";

const stack = useApiWithWorker();

const header = "Id;Roepnaam;Achternaam;Geboortedatum;Contract;Start;Fte";
const mapping = {
  person: {
    ExternalId: { type: "field", path: "Id" },
    "Name.NickName": { type: "field", path: "Roepnaam" },
    "Name.FamilyName": { type: "field", path: "Achternaam" },
    Aggregation: { type: "complex", script: "return `${source.Geboortedatum}|${source.Achternaam.toLowerCase().replace(/\\s+/g, '')}|${source.Roepnaam.toLowerCase()}`;" },
  },
  contract: {
    ExternalId: { type: "field", path: "Contract" },
    StartDate: { type: "field", path: "Start" },
    "Details.Fte": { type: "complex", script: "return Number(sourceContract.Fte);" },
  },
};

async function source(client: TestClient, name: string) {
  const response = await client.post("/api/v1/source-systems", {
    name,
    connectorType: "csv",
    settings: { layout: "single", persons: { delimiter: ";", personKey: "Id", contractColumns: ["Contract", "Start", "Fte"] } },
    mapping,
    thresholds: { removed: { percent: 100 } },
  });
  expect(response.status, response.text).toBe(201);
  return response.body.id as string;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function importRows(client: TestClient, sourceId: string, rows: string[]) {
  await client.request("PUT", `/api/v1/source-systems/${sourceId}/uploads/persons`, { rawBody: [header, ...rows].join("\n") + "\n", headers: { "content-type": "text/csv" } });
  const started = await client.post(`/api/v1/source-systems/${sourceId}/imports`, {});
  expect(started.status, started.text).toBe(202);
  const run = await waitFor("import", async () => {
    const body = (await client.get(`/api/v1/imports/${started.body.id}`)).body;
    return ["queued", "running"].includes(body.status) ? undefined : body;
  });
  expect(run.status, JSON.stringify(run)).toBe("completed");
  return run;
}

const persons = async (client: TestClient) => (await client.get("/api/v1/persons?limit=100")).body.items as Array<{ id: string; externalId: string; displayName: string; pendingMerge: boolean; sourceSystemIds: string[] }>;

describe("aggregation: one human in two systems", () => {
  it("merges automatically on an exact single match, and holds a ~95% match back until accepted", async () => {
    const { client } = await stack.api.createTenantWithMember("owner");
    const hr = await source(client, "HR");
    const students = await source(client, "Studenten");
    await importRows(client, hr, ["1001;Jan;de Vries;1980-05-17;C1;2020-01-01;1", "1002;Sanne;Jansen;1990-02-03;C2;2020-01-01;1"]);
    // The same Jan (exact), and a Sanne whose family name is spelled slightly differently.
    await importRows(client, students, ["S-9;Jan;de Vries;1980-05-17;E1;2024-08-26;0", "S-10;Sanne;Janssen;1990-02-03;E2;2024-08-26;0"]);

    const all = await persons(client);
    expect(all).toHaveLength(3);
    const jan = all.find((person) => person.externalId === "1001")!;
    expect(jan.sourceSystemIds.sort()).toEqual([hr, students].sort());
    const heldBack = all.find((person) => person.externalId === "S-10")!;
    expect(heldBack.pendingMerge).toBe(true);

    const suggestions = (await client.get("/api/v1/merge-suggestions")).body;
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ person: { externalId: "S-10" }, candidate: { externalId: "1002" } });
    expect(suggestions[0].score).toBeGreaterThanOrEqual(90);
    expect(suggestions[0].score).toBeLessThan(100);

    expect((await client.post(`/api/v1/merge-suggestions/${suggestions[0].id}/accept`)).status).toBe(200);
    const merged = await waitFor("the merge to be snapshotted", async () => {
      const list = await persons(client);
      return list.length === 2 && list.find((person) => person.externalId === "1002")?.sourceSystemIds.length === 2 ? list : undefined;
    });
    const sanne = merged.find((person) => person.externalId === "1002")!;
    expect(sanne.sourceSystemIds.sort()).toEqual([hr, students].sort());
    const detail = (await client.get(`/api/v1/persons/${sanne.id}`)).body;
    expect(detail.data.Contracts.map((contract: { ExternalId: string }) => contract.ExternalId).sort()).toEqual(["C2", "E2"]);
    const history = (await client.get(`/api/v1/persons/${sanne.id}/history`)).body;
    expect(history.some((entry: { cause: string }) => entry.cause === "merge")).toBe(true);
  });

  it("merges and unmerges by hand; an unmerged record is not merged back automatically", async () => {
    const { client } = await stack.api.createTenantWithMember("owner");
    const hr = await source(client, "HR");
    const students = await source(client, "Studenten");
    await importRows(client, hr, ["2001;Piet;Bakker;1975-01-01;C1;2020-01-01;1"]);
    await importRows(client, students, ["T-1;Pieter;Bakkers;1985-06-06;E1;2024-08-26;0"]);
    let list = await persons(client);
    const a = list.find((person) => person.externalId === "2001")!;
    const b = list.find((person) => person.externalId === "T-1")!;
    expect((await client.post(`/api/v1/persons/${b.id}/merge`, { intoPersonId: a.id })).status).toBe(200);
    list = await waitFor("manual merge", async () => {
      const current = await persons(client);
      return current.length === 1 && current[0]!.sourceSystemIds.length === 2 ? current : undefined;
    });
    expect((await client.get(`/api/v1/persons/${a.id}`)).body.data.Contracts).toHaveLength(2);

    expect((await client.post(`/api/v1/persons/${a.id}/unmerge`, { sourceSystemId: students, sourceKey: "T-1" })).status).toBe(200);
    list = await waitFor("unmerge", async () => {
      const current = await persons(client);
      return current.length === 2 ? current : undefined;
    });
    expect(list.map((person) => person.externalId).sort()).toEqual(["2001", "T-1"]);
    // A later import of the same data keeps them apart.
    await importRows(client, students, ["T-1;Pieter;Bakkers;1985-06-06;E1;2024-08-26;0"]);
    expect((await persons(client)).length).toBe(2);
  });
});
