import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApi, type TestApi, type TestClient } from "@idlife/api/testing";
import type { createWorker } from "../src/index.ts";
import { startTestWorker } from "./support.ts";

let api: TestApi;
let worker: Awaited<ReturnType<typeof createWorker>>;
beforeAll(async () => {
  api = await startTestApi();
  worker = await startTestWorker(api, { WORKER_CONCURRENCY: "4" });
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

// The same Aggregation value in both sources makes one person of each pair (an ExternalId alone
// never joins records of two sources).
const mapping = { person: { ExternalId: { type: "field", path: "Id" }, Aggregation: { type: "field", path: "Id" }, "Name.FamilyName": { type: "field", path: "Naam" } }, contract: {} };

async function source(client: TestClient, name: string, csv: string) {
  const created = await client.post("/api/v1/source-systems", { name, connectorType: "csv", settings: { layout: "single", persons: { delimiter: ";", personKey: "Id" } }, mapping });
  await client.request("PUT", `/api/v1/source-systems/${created.body.id}/uploads/persons`, { rawBody: csv, headers: { "content-type": "text/csv" } });
  return created.body.id as string;
}

it("two sources of one tenant importing at the same moment give each person once", async () => {
  const { client, tenantId } = await api.createTenantWithMember("owner");
  const rows = (prefix: string) => Array.from({ length: 300 }, (_, index) => `${prefix}${index};Naam ${index}`).join("\n");
  // The same 300 persons in both: the snapshots must not both create them.
  const a = await source(client, "A", `Id;Naam\n${rows("P")}\n`);
  const b = await source(client, "B", `Id;Naam\n${rows("P")}\n`);
  const started = await Promise.all([a, b].map((id) => client.post(`/api/v1/source-systems/${id}/imports`, {})));
  for (const run of started) {
    for (let attempt = 0; attempt < 600; attempt++) {
      const body = (await client.get(`/api/v1/imports/${run.body.id}`)).body;
      if (!["queued", "running"].includes(body.status)) {
        expect(body.status, JSON.stringify(body)).toBe("completed");
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  expect(await api.ownerPrisma.person.count({ where: { tenantId } })).toBe(300);
  const person = await api.ownerPrisma.person.findFirstOrThrow({ where: { tenantId, externalId: "P7" } });
  expect(person.sourceSystemIds.sort()).toEqual([a, b].sort());
});
