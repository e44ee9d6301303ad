/**
 * Push latency: how long one person's change pushed through the API takes until the person has
 * changed (POST /source-systems/:id/records → GET /persons/:id shows the new family name), with
 * the real API and worker in this process on a fresh test database. Prints the median and p95 of
 * the pushes, and how long the worker's run itself took.
 *
 *   cd apps/worker && TSX_TSCONFIG_PATH=test/push-latency.tsconfig.json node --no-node-snapshot --import tsx test/push-latency.ts [--persons 2000] [--pushes 20]
 * (the tsconfig must cover both apps, whose decorators tsx otherwise compiles only inside the current one)
 */
import { parseArgs } from "node:util";
import { startTestApi } from "@idlife/api/testing";
import { globalSetup } from "@idlife/db/testing";
import { createWorker, loadWorkerConfig } from "../src/index.ts";

const { values: args } = parseArgs({ options: { persons: { type: "string", default: "2000" }, pushes: { type: "string", default: "20" } } });
const personCount = Number(args.persons);
const pushCount = Number(args.pushes);

// The test harness' migrated template database, as Vitest's global setup makes it.
const dropDatabases = await globalSetup();
const api = await startTestApi();
const worker = await createWorker(
  loadWorkerConfig({ ...process.env, NODE_ENV: "test", DATABASE_URL: api.database.ownerUrl, APP_DATABASE_URL: api.database.appUrl, QUEUE_PREFIX: api.queuePrefix, SCHEDULES_ENABLED: "false" }),
);
const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))]!;
const poll = async <T>(probe: () => Promise<T | undefined>) => {
  for (let attempt = 0; attempt < 6000; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error("timed out");
};
try {
  const { client } = await api.createTenantWithMember("owner");
  const contractColumns = ["Contract", "Start", "Einde", "Fte"];
  const created = await client.post("/api/v1/source-systems", {
    name: "HR",
    connectorType: "csv",
    settings: { layout: "single", persons: { delimiter: ";", personKey: "Id", contractColumns }, push: { enabled: true } },
    mapping: {
      person: { ExternalId: { type: "field", path: "Id" }, "Name.NickName": { type: "field", path: "Roepnaam" }, "Name.FamilyName": { type: "field", path: "Achternaam" } },
      contract: { ExternalId: { type: "field", path: "Contract" }, StartDate: { type: "field", path: "Start" }, EndDate: { type: "field", path: "Einde" } },
    },
    thresholds: { added: { percent: 100 }, removed: { percent: 100 } },
  });
  if (created.status !== 201) throw new Error(created.text);
  const sourceId = created.body.id as string;
  const rows = Array.from({ length: personCount }, (_, index) => `${1000 + index};Given${index};Family${index};C${index};2020-01-01;;1`);
  await client.request("PUT", `/api/v1/source-systems/${sourceId}/uploads/persons`, { rawBody: ["Id;Roepnaam;Achternaam;Contract;Start;Einde;Fte", ...rows].join("\n"), headers: { "content-type": "text/csv" } });
  const started = await client.post(`/api/v1/source-systems/${sourceId}/imports`, {});
  await poll(async () => ((await client.get(`/api/v1/imports/${started.body.id}`)).body.status === "completed" ? true : undefined));
  console.log(`${personCount} persons imported; pushing ${pushCount} changes one at a time`);

  const totals: number[] = [];
  const runs: number[] = [];
  for (let push = 0; push < pushCount; push++) {
    const id = 1000 + ((push * 97) % personCount);
    const page = (await client.get(`/api/v1/persons?search=${id}&limit=100`)).body.items as Array<{ id: string; externalId: string }>;
    const personId = page.find((item) => item.externalId === String(id))!.id;
    const familyName = `Changed${push}`;
    const began = performance.now();
    const answer = await client.post(`/api/v1/source-systems/${sourceId}/records`, {
      records: [{ Id: String(id), Roepnaam: `Given${id - 1000}`, Achternaam: familyName, Contracts: [{ Contract: `C${id - 1000}`, Start: "2020-01-01", Einde: "", Fte: "1" }] }],
    });
    if (answer.status !== 202) throw new Error(answer.text);
    await poll(async () => ((await client.get(`/api/v1/persons/${personId}`)).body.data.Name.FamilyName === familyName ? true : undefined));
    totals.push(performance.now() - began);
    const run = await poll(async () => {
      const body = (await client.get(`/api/v1/imports/${answer.body.id}`)).body;
      return body.finishedAt ? body : undefined;
    });
    runs.push(new Date(run.finishedAt).getTime() - new Date(run.createdAt).getTime());
  }
  const format = (values: number[]) => `median ${percentile(values, 0.5).toFixed(0)} ms, p95 ${percentile(values, 0.95).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;
  console.log(`request to person changed: ${format(totals)}`);
  console.log(`run (created to finished): ${format(runs)}`);
} finally {
  await worker.close();
  await api.close();
  await dropDatabases();
}
