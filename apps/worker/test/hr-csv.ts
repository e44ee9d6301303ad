// Sources the worker tests import by CSV upload: one row per contract, the Dutch payroll columns,
// and an Aggregation value (birth date and family name) that tells one human in two systems.
import { expect } from "vitest";
import type { TestClient } from "@idlife/api/testing";
import { importNow, uploadCsv } from "./support.ts";

export const header = "Id;Roepnaam;Achternaam;Geboortedatum;Contract;Start;Einde;Fte;Leidinggevende";
const mapping = {
  person: {
    ExternalId: { type: "field", path: "Id" },
    "Name.NickName": { type: "field", path: "Roepnaam" },
    "Name.FamilyName": { type: "field", path: "Achternaam" },
    Aggregation: { type: "complex", script: "return `${source.Geboortedatum}|${source.Achternaam.toLowerCase().replace(/\\s+/g, '')}`;" },
  },
  contract: {
    ExternalId: { type: "field", path: "Contract" },
    StartDate: { type: "field", path: "Start" },
    EndDate: { type: "field", path: "Einde" },
    "Details.Fte": { type: "complex", script: "return Number(sourceContract.Fte);" },
    "Manager.ExternalId": { type: "field", path: "Leidinggevende" },
  },
};

export async function createSource(client: TestClient, name: string) {
  const response = await client.post("/api/v1/source-systems", {
    name,
    connectorType: "csv",
    settings: { layout: "single", persons: { delimiter: ";", personKey: "Id", contractColumns: ["Contract", "Start", "Einde", "Fte", "Leidinggevende"] } },
    mapping,
    thresholds: { removed: { percent: 100 }, added: { percent: 100 } },
  });
  expect(response.status, response.text).toBe(201);
  return response.body.id as string;
}

export async function importRows(client: TestClient, sourceId: string, rows: string[]) {
  await uploadCsv(client, sourceId, [header, ...rows].join("\n") + "\n");
  const run = await importNow(client, sourceId);
  expect(run.status, JSON.stringify(run)).toBe("completed");
  return run;
}

export async function snapshotOf(client: TestClient, importId: string) {
  const snapshots = (await client.get("/api/v1/snapshots?limit=50")).body as Array<{ id: string; importId: string | null; mode: string; status: string; counts: Record<string, number> }>;
  return snapshots.find((snapshot) => snapshot.importId === importId)!;
}

/** Decides every person from scratch (as after a configuration change) and returns the finished snapshot. */
export async function runFullSnapshot(client: TestClient) {
  const full = await client.post("/api/v1/snapshots", {});
  expect(full.status, full.text).toBe(202);
  let done: { status: string; mode: string; counts: Record<string, number> } | undefined;
  for (let attempt = 0; attempt < 300 && !["completed", "failed"].includes(done?.status ?? ""); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    done = (await client.get(`/api/v1/snapshots/${full.body.id}`)).body;
  }
  return done;
}

export type ListedPerson = { id: string; externalId: string; displayName: string; status: string; sourceSystemIds: string[] };
export const personsOf = async (client: TestClient) => (await client.get("/api/v1/persons?limit=100")).body.items as ListedPerson[];
export const byExternalId = (persons: ListedPerson[], externalId: string) => persons.find((person) => person.externalId === externalId)!;
