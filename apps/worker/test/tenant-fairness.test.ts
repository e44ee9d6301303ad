import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRedisConnection } from "@idlife/jobs";
import { TenantSlots } from "../src/tenant-slots.ts";
import { uploadCsv, useApiWithWorker, waitForImport } from "./support.ts";

// Four import slots; each tenant may hold three of them (the default: all but one).
const stack = useApiWithWorker({ WORKER_CONCURRENCY: "4" });

/** An HR endpoint that does not answer until the test lets it. */
let server: Server;
let serverUrl: string;
const held: ServerResponse[] = [];
let answering = false;
const answer = (response: ServerResponse) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: [{ id: "A1" }] }));

beforeAll(async () => {
  server = createServer((_request, response) => (answering ? answer(response) : held.push(response)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  answering = true;
  held.splice(0).forEach(answer);
  await new Promise((resolve) => server?.close(resolve));
});

const mapping = { person: { ExternalId: { type: "field", path: "id" } }, contract: {} };

it("one tenant's stuck imports leave a slot for another tenant's import", async () => {
  const a = await stack.api.createTenantWithMember("owner");
  const b = await stack.api.createTenantWithMember("owner");

  // Tenant A starts more imports than there are slots, each waiting on a source that never answers.
  const stuck: string[] = [];
  for (let index = 0; index < 5; index++) {
    const settings = { url: `${serverUrl}/persons/${index}`, recordsPath: "data", limits: { timeoutMs: 120_000, maxRetries: 0 } };
    const created = await a.client.post("/api/v1/source-systems", { name: `Stuck ${index}`, connectorType: "http_json", settings, mapping });
    expect(created.status, created.text).toBe(201);
    const started = await a.client.post(`/api/v1/source-systems/${created.body.id}/imports`, {});
    expect(started.status, started.text).toBe(202);
    stuck.push(started.body.id);
  }
  for (let attempt = 0; held.length < 3 && attempt < 300; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(held.length).toBeGreaterThanOrEqual(3);

  // Tenant B's import runs to the end while A's still wait for their source.
  const source = await b.client.post("/api/v1/source-systems", { name: "HR", connectorType: "csv", settings: { layout: "single", persons: { delimiter: ";", personKey: "Id" } }, mapping: { person: { ExternalId: { type: "field", path: "Id" } }, contract: {} } });
  await uploadCsv(b.client, source.body.id, "Id;Naam\nB1;Jansen\n");
  const run = await waitForImport(b.client, (await b.client.post(`/api/v1/source-systems/${source.body.id}/imports`, {})).body.id);
  expect(run.status, JSON.stringify(run)).toBe("completed");
  expect((await b.client.get("/api/v1/persons")).body.items.map((person: { externalId: string }) => person.externalId)).toEqual(["B1"]);

  // A never held more than its share, and its imports were all still waiting meanwhile.
  expect(held.length).toBe(3);
  for (const id of stuck) expect(["queued", "running"]).toContain((await a.client.get(`/api/v1/imports/${id}`)).body.status);

  // Once the source answers, every one of A's imports finishes too.
  answering = true;
  held.splice(0).forEach(answer);
  for (const id of stuck) expect((await waitForImport(a.client, id)).status).toBe("completed");
}, 120_000);

it("a slot held by a worker that died is free again once its lease expires", async () => {
  const prefix = `${stack.api.queuePrefix}-slots`;
  const dying = createRedisConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const alive = createRedisConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  try {
    expect(await new TenantSlots(dying, prefix, 1_000).acquire("import", "tenant-a", 1)).toBeDefined();
    // The worker dies: its lease is neither released nor renewed any more.
    dying.disconnect();
    const slots = new TenantSlots(alive, prefix, 1_000);
    expect(await slots.acquire("import", "tenant-a", 1)).toBeUndefined();
    // Other tenants were never affected.
    expect(await slots.acquire("import", "tenant-b", 1)).toBeDefined();
    let lease: Awaited<ReturnType<TenantSlots["acquire"]>>;
    for (let attempt = 0; attempt < 100 && !lease; attempt++) {
      lease = await slots.acquire("import", "tenant-a", 1);
      if (!lease) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(lease).toBeDefined();
    await lease!.release();
  } finally {
    alive.disconnect();
  }
});
