import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi, type TestClient } from "@idlife/api/testing";
import { startTestWorker, waitForImport } from "./support.ts";

// The example student system across a new school year (examples/README.md, "Students").
const examples = new URL("../../../examples/", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, examples)).toString("utf8");
const json = (path: string) => JSON.parse(read(path));

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

/** A worker whose "today" is the given date (the example files are written for fixed dates). */
const workerOn = (today: string) => startTestWorker(api, { FIXED_TODAY: today });

async function importFile(client: TestClient, sourceId: string, file: string) {
  await client.request("PUT", `/api/v1/source-systems/${sourceId}/uploads/persons`, { rawBody: read(file), headers: { "content-type": "text/csv" } });
  const started = await client.post(`/api/v1/source-systems/${sourceId}/imports`, {});
  return waitForImport(client, started.body.id);
}

async function person(client: TestClient, externalId: string) {
  const page = (await client.get(`/api/v1/persons?search=${externalId}`)).body;
  const summary = page.items.find((item: { externalId: string }) => item.externalId === externalId);
  return (await client.get(`/api/v1/persons/${summary.id}`)).body;
}

describe("the example student system over a new school year", () => {
  it("imports the students, blocks the new year's 10.8% removals, and applies them once approved", async () => {
    const { client, tenantId } = await api.createTenantWithMember("owner");
    const created = await client.post("/api/v1/source-systems", {
      name: "Somtoday",
      connectorType: "csv",
      settings: json("sources/students.csv-settings.json"),
      mapping: json("mappings/students.json"),
    });
    expect(created.status, created.text).toBe(201);

    let worker = await workerOn("2026-11-22");
    try {
      const first = await importFile(client, created.body.id, "students/students.csv");
      expect(first.status, JSON.stringify(first)).toBe("completed");
      expect(first.counts).toMatchObject({ fetched: 120, blocked: 0 });
      expect((await person(client, "210001")).status).toBe("future");
      // Twins share birth date and family name: two persons, not one.
      expect((await person(client, "210021")).displayName).toBe("Sem de Boer");
      expect((await person(client, "210022")).displayName).toBe("Julia de Boer");
    } finally {
      await worker.close();
    }

    worker = await workerOn("2027-09-06");
    try {
      const next = await importFile(client, created.body.id, "students/students-next-year.csv");
      expect(next.status).toBe("blocked");
      expect(next.thresholdReport.wouldRemove.count).toBe(13);
      expect(next.thresholdReport.wouldAdd.count).toBe(10);
      expect(await api.ownerPrisma.person.count({ where: { tenantId, status: "former" } })).toBe(0);

      expect((await client.post(`/api/v1/imports/${next.id}/approve`)).status).toBe(201);
      const approved = await waitForImport(client, next.id);
      expect(approved.status, JSON.stringify(approved)).toBe("completed");
      expect((await person(client, "210037")).status).toBe("former");
      const mila = await person(client, "210036");
      expect(mila.primaryContractId).toBe("210036-30RC00");
      const history = (await client.get(`/api/v1/persons/${mila.id}/history`)).body;
      expect(history.some((entry: { field: string; kind: string }) => entry.field === "Contracts[210036-30RC00]" && entry.kind === "added")).toBe(true);
      expect((await person(client, "210001")).status).toBe("active");
    } finally {
      await worker.close();
    }
  });
});
