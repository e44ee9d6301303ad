/**
 * Push → directory latency, part 3 of the cycle benchmark (run by cycle-benchmark.ts as a child
 * process: the API's decorators compile only with the tsconfig given in TSX_TSCONFIG_PATH).
 * The real API and worker in this process on a fresh test database, a fresh slapd (AD-shaped),
 * a published rule "everyone with a contract: account and access" and `--persons` persons with
 * accounts; then `--pushes` times: one person's changed family name pushed through
 * POST /source-systems/:id/records, and slapd polled until that entry's sn shows it.
 *
 *   TSX_TSCONFIG_PATH=benchmarks/cycle-latency.tsconfig.json node --no-node-snapshot --import tsx benchmarks/cycle-latency.ts [--persons 200] [--pushes 200] [--json FILE]
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { Client } from "ldapts";
import { startTestApi, slapdDirectorySettings } from "../apps/api/test/support/index.ts";
import { globalSetup } from "../packages/db/src/testing/index.ts";
import { startSlapd } from "../packages/testing/src/peers/index.ts";
import { createWorker, loadWorkerConfig } from "../apps/worker/src/index.ts";

const { values: args } = parseArgs({ options: { persons: { type: "string", default: "200" }, pushes: { type: "string", default: "200" }, json: { type: "string" } } });
const personCount = Number(args.persons);
const pushCount = Number(args.pushes);
if (!Number.isInteger(personCount) || personCount < 1 || personCount > 10_000) throw new RangeError("--persons must be a whole number from 1 to 10000");
if (!Number.isInteger(pushCount) || pushCount < 1 || pushCount > 10_000) throw new RangeError("--pushes must be a whole number from 1 to 10000");
process.env.CONNECTOR_PRIVATE_NETWORKS = "allow";

const percentile = (values: number[], share: number) => Math.round([...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))]!);
async function poll<T>(what: string, probe: () => Promise<T | undefined>, intervalMs = 5, limitMs = 300_000): Promise<T> {
  const deadline = performance.now() + limitMs;
  while (performance.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await probe().catch((error) => String(error)))}`);
}
const record = (index: number, familyName: string) => ({ Id: String(1000 + index), Roepnaam: `Given${index}`, Achternaam: familyName, Contracts: [{ Contract: `C${index}`, Start: "2020-01-01", Einde: "", Fte: "1" }] });

const dropDatabases = await globalSetup();
const api = await startTestApi();
const worker = await createWorker(
  loadWorkerConfig({ ...process.env, NODE_ENV: "test", DATABASE_URL: api.database.ownerUrl, APP_DATABASE_URL: api.database.appUrl, QUEUE_PREFIX: api.queuePrefix, SCHEDULES_ENABLED: "false" }),
);
const peer = await startSlapd();
const directory = await peer.connect();
try {
  const { client } = await api.createTenantWithMember("owner");
  const expectStatus = (response: { status: number; text: string }, status: number) => {
    if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
  };
  const source = await client.post("/api/v1/source-systems", {
    name: "HR",
    connectorType: "csv",
    settings: { layout: "single", persons: { delimiter: ";", personKey: "Id", contractColumns: ["Contract", "Start", "Einde", "Fte"] }, push: { enabled: true } },
    mapping: {
      person: { ExternalId: { type: "field", path: "Id" }, "Name.NickName": { type: "field", path: "Roepnaam" }, "Name.FamilyName": { type: "field", path: "Achternaam" } },
      contract: { ExternalId: { type: "field", path: "Contract" }, StartDate: { type: "field", path: "Start" }, EndDate: { type: "field", path: "Einde" } },
    },
    thresholds: { added: { percent: 100 }, removed: { percent: 100 } },
  });
  expectStatus(source, 201);
  const sourceId = source.body.id as string;
  const rows = Array.from({ length: personCount }, (_, index) => `${1000 + index};Given${index};Family${index};C${index};2020-01-01;;1`);
  await client.request("PUT", `/api/v1/source-systems/${sourceId}/uploads/persons`, { rawBody: ["Id;Roepnaam;Achternaam;Contract;Start;Einde;Fte", ...rows].join("\n"), headers: { "content-type": "text/csv" } });
  const imported = await client.post(`/api/v1/source-systems/${sourceId}/imports`, {});
  await poll("the import", async () => {
    const run = (await client.get(`/api/v1/imports/${imported.body.id}`)).body;
    if (run.finishedAt && run.status !== "completed") throw new Error(`the import ended ${run.status}: ${JSON.stringify(run)}`);
    return run.status === "completed" ? true : undefined;
  }, 50, 120_000);
  console.log("latency: persons imported");

  const base = `ou=latency,${peer.baseDn}`;
  await directory.add(base, { objectClass: ["top", "organizationalUnit"] });
  const system = await client.post("/api/v1/target-systems", {
    name: "Directory",
    connectorType: "ldap",
    settings: slapdDirectorySettings(peer, base),
    secrets: { password: peer.password },
    passwordPolicy: { generate: false },
    fieldMapping: [
      { attribute: "cn", kind: "field", field: "ExternalId", actions: ["create"] },
      { attribute: "sn", kind: "field", field: "Name.FamilyName", actions: ["create", "update"] },
    ],
  });
  expectStatus(system, 201);
  const rule = await client.post("/api/v1/business-rules", {
    name: "Everyone with a contract",
    definition: { condition: { kind: "field", field: "Contract.ExternalId", operator: "isNotEmpty" }, entitlements: [{ kind: "account", targetSystemId: system.body.id }, { kind: "access", targetSystemId: system.body.id }] },
  });
  expectStatus(rule, 201);
  const evaluate = async (body: Record<string, unknown>) => {
    const started = await client.post("/api/v1/evaluations", body);
    expectStatus(started, 202);
    return poll("the evaluation", async () => {
      const run = (await client.get(`/api/v1/evaluations/${started.body.id}`)).body;
      return run.status === "completed" ? run : undefined;
    }, 50, 120_000);
  };
  const simulation = await evaluate({ mode: "simulation" });
  expectStatus(await client.post(`/api/v1/business-rules/${rule.body.id}/publish`, { simulationId: simulation.id }), 201);
  await evaluate({ mode: "published", enforce: true });
  await poll(`${personCount} enabled accounts`, async () => {
    // Compared here: msuser.schema gives userAccountControl no equality rule for a filter.
    const { searchEntries } = await directory.search(base, { scope: "sub", filter: "(objectClass=user)", attributes: ["userAccountControl"] });
    return searchEntries.filter((entry) => String(entry.userAccountControl) === "512").length === personCount ? true : undefined;
  }, 200, 120_000);
  console.log(`latency: ${personCount} persons with accounts; pushing ${pushCount} family name changes one at a time`);

  const latencies: number[] = [];
  for (let push = 0; push < pushCount; push++) {
    const index = (push * 97) % personCount;
    const familyName = `Changed${push}`;
    const began = performance.now();
    const answer = await client.post(`/api/v1/source-systems/${sourceId}/records`, { records: [record(index, familyName)] });
    expectStatus(answer, 202);
    await poll(`the new sn of ${1000 + index}`, async () => {
      const { searchEntries } = await directory.search(base, { scope: "sub", filter: `(cn=${1000 + index})`, attributes: ["sn"] });
      return String(searchEntries[0]?.sn) === familyName ? true : undefined;
    }, 5, 60_000);
    latencies.push(performance.now() - began);
  }
  const figures = { persons: personCount, pushes: pushCount, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99), max: Math.round(Math.max(...latencies)) };
  console.log(`latency: p50 ${figures.p50} ms, p95 ${figures.p95} ms, p99 ${figures.p99} ms, max ${figures.max} ms`);
  if (args.json) await writeFile(args.json, JSON.stringify(figures));
} finally {
  await directory.unbind();
  await peer.stop();
  await worker.close();
  await api.close();
  await dropDatabases();
}
process.exit(0);
