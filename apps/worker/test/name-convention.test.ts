// The tenant's name convention: persons whose source gives none are renamed by the next
// snapshot; a convention the source gives itself is kept.
import { describe, expect, it } from "vitest";
import type { TestClient } from "@idlife/api/testing";
import { useApiWithWorker } from "./support.ts";

const stack = useApiWithWorker();

const header = "Id;Roepnaam;Voorvoegsel;Achternaam;VoorvoegselPartner;AchternaamPartner;Conventie;Contract;Start";
const mapping = {
  person: {
    ExternalId: { type: "field", path: "Id" },
    "Name.NickName": { type: "field", path: "Roepnaam" },
    "Name.FamilyNamePrefix": { type: "field", path: "Voorvoegsel" },
    "Name.FamilyName": { type: "field", path: "Achternaam" },
    "Name.FamilyNamePartnerPrefix": { type: "field", path: "VoorvoegselPartner" },
    "Name.FamilyNamePartner": { type: "field", path: "AchternaamPartner" },
    "Name.Convention": { type: "complex", script: "return source.Conventie || null;" },
  },
  contract: { ExternalId: { type: "field", path: "Contract" }, StartDate: { type: "field", path: "Start" } },
};

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function importRows(client: TestClient, rows: string[]) {
  const created = await client.post("/api/v1/source-systems", {
    name: "HR",
    connectorType: "csv",
    settings: { layout: "single", persons: { delimiter: ";", personKey: "Id", contractColumns: ["Contract", "Start"] } },
    mapping,
  });
  expect(created.status, created.text).toBe(201);
  await client.request("PUT", `/api/v1/source-systems/${created.body.id}/uploads/persons`, { rawBody: [header, ...rows].join("\n") + "\n", headers: { "content-type": "text/csv" } });
  const started = await client.post(`/api/v1/source-systems/${created.body.id}/imports`, {});
  expect(started.status, started.text).toBe(202);
  const run = await waitFor("import", async () => {
    const body = (await client.get(`/api/v1/imports/${started.body.id}`)).body;
    return ["queued", "running"].includes(body.status) ? undefined : body;
  });
  expect(run.status, JSON.stringify(run)).toBe("completed");
}

const names = async (client: TestClient) =>
  Object.fromEntries(((await client.get("/api/v1/persons?limit=100")).body.items as Array<{ externalId: string; displayName: string }>).map((person) => [person.externalId, person.displayName]));

describe("the tenant's name convention", () => {
  it("renames persons without a convention of their own after it changes, and keeps those with one", async () => {
    const { client } = await stack.api.createTenantWithMember("owner");
    await importRows(client, ["1001;Anna;van den;Berg;de;Jong;;C1;2019-08-01", "1002;Eva;;Wit;van;Dam;BP;C2;2019-08-01"]);
    expect(await names(client)).toEqual({ "1001": "Anna van den Berg", "1002": "Eva Wit - van Dam" });

    expect((await client.patch("/api/v1/tenant", { settings: { nameConvention: "PB" } })).status).toBe(200);
    const renamed = await waitFor("the snapshot to rename Anna", async () => {
      const current = await names(client);
      return current["1001"] === "Anna van den Berg" ? undefined : current;
    });
    expect(renamed).toEqual({ "1001": "Anna de Jong - van den Berg", "1002": "Eva Wit - van Dam" });
  });
});
