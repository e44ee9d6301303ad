/**
 * Target benchmark: account creates per second through the product (the work table, the runner,
 * the connector, the audit and the stored account data, as the application role under row-level
 * security) next to raw client creates per second against the same server in the same run, as a
 * ratio; peak memory. The peers are the test peers: a fresh OpenLDAP (slapd, AD-shaped schema),
 * the machine's Samba AD domain controller (LDAPS, with passwords) and the scimmy SCIM service.
 *
 *   pnpm bench:targets
 *   node --no-node-snapshot --import tsx benchmarks/targets-benchmark.ts [--slapd 2000] [--samba 150] [--scim 1000] [--json FILE]
 *
 * The product's rate counts from the first claim to the last recorded outcome; the raw rate from
 * the first to the last add, with as many connections as the target system's concurrency (4).
 * Goal (issue "Target systems"): the product reaches at least 80% of the raw rate on each.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { Attribute, Change, Client } from "ldapts";
import { asTenantId, createPrismaClient, encryptSecrets, resolveSecretsKey, type Prisma } from "../packages/db/src/index.ts";
import { createRedisConnection, JobProducer, resolveQueueConfig } from "../packages/jobs/src/index.ts";
import { adShapedRequired, ensureSamba, newOrganizationalUnit, startScimServer, startSlapd, type SambaPeer, type SlapdPeer } from "../packages/testing/src/peers/index.ts";
import { runTargetActions } from "../apps/worker/src/targets/run-target-actions.ts";
import { createBenchDatabase, dropStaleBenchDatabases } from "./lib/setup.ts";
import { Monitor, megabytes } from "./lib/monitor.ts";

const { values: args } = parseArgs({
  options: {
    slapd: { type: "string", default: "2000" },
    samba: { type: "string", default: "150" },
    scim: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "4" },
    json: { type: "string" },
  },
});
const CONCURRENCY = Number(args.concurrency);
const DB_PREFIX = "idlife_bench_targets_";

interface Figures {
  peer: string;
  accounts: number;
  rawPerSecond: number;
  productPerSecond: number;
  ratio: number;
  peakRssMb: number;
  failed: number;
}

/** Runs `task` over the items with `lanes` in flight at once; seconds taken. */
async function timedLanes<T>(items: readonly T[], lanes: number, task: (item: T, lane: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      while (next < items.length) await task(items[next++]!, lane);
    }),
  );
  return (performance.now() - started) / 1000;
}

async function ldapClients(count: number, connect: () => Promise<Client>) {
  return Promise.all(Array.from({ length: count }, () => connect()));
}

/* ---------------------------------------------------------------- the product */

async function productRun(owner: Prisma, app: Prisma, jobs: JobProducer, secretsKey: Buffer, input: {
  label: string;
  accounts: number;
  connectorType: string;
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  fieldMapping: object[];
  passwordPolicy?: object;
}, monitor: Monitor) {
  const tenant = await owner.tenant.create({ data: { name: `Bench ${input.label}`, slug: `bench-${input.label}-${randomUUID().slice(0, 8)}` } });
  const tenantId = asTenantId(tenant.id);
  const system = await owner.targetSystem.create({
    data: {
      tenantId,
      name: input.label,
      connectorType: input.connectorType,
      settings: input.settings as object,
      secrets: encryptSecrets(input.secrets, secretsKey),
      fieldMapping: input.fieldMapping,
      passwordPolicy: input.passwordPolicy ?? {},
      concurrency: CONCURRENCY,
    },
  });
  const stamp = randomBytes(3).toString("hex");
  const persons = Array.from({ length: input.accounts }, (_, index) => {
    const externalId = `p${stamp}${String(index).padStart(6, "0")}`;
    return {
      tenantId,
      externalId,
      displayName: `Bench ${externalId}`,
      status: "active" as const,
      searchText: externalId,
      data: { ExternalId: externalId, DisplayName: `Bench ${externalId}`, Name: { GivenName: "Bench", FamilyName: externalId }, Contracts: [] },
    };
  });
  await owner.person.createMany({ data: persons });
  const ids = await owner.person.findMany({ where: { tenantId }, select: { id: true } });
  await owner.targetAction.createMany({
    data: ids.map(({ id }) => ({ tenantId, targetSystemId: system.id, personId: id, kind: "create_account" as const, idempotencyKey: `${system.id}:${id}:create`, payload: { subject: "account" }, requestedBy: { kind: "system" } })),
  });
  await monitor.reset();
  const started = performance.now();
  for (let round = 0; round < 10_000; round++) {
    const summary = await runTargetActions({ prisma: app, secretsKey, jobs }, { tenantId, targetSystemId: system.id });
    if (summary.claimed === 0) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const { rss } = await monitor.collect();
  const states = await owner.targetAction.groupBy({ by: ["state"], where: { targetSystemId: system.id }, _count: true });
  const succeeded = states.find((state) => state.state === "succeeded")?._count ?? 0;
  return { perSecond: succeeded / seconds, failed: input.accounts - succeeded, peakRssMb: megabytes(Math.max(0, ...rss.map((sample) => sample.rss))), states };
}

/* ---------------------------------------------------------------- the peers */

async function slapdFigures(owner: Prisma, app: Prisma, jobs: JobProducer, secretsKey: Buffer, monitor: Monitor, accounts: number): Promise<Figures> {
  const peer: SlapdPeer = await startSlapd();
  try {
    const admin = await peer.connect();
    const rawOu = `ou=raw,${peer.baseDn}`;
    const productOu = `ou=product,${peer.baseDn}`;
    for (const dn of [rawOu, productOu]) await admin.add(dn, { objectClass: ["top", "organizationalUnit"] });
    await admin.unbind();
    // Raw: the same entry the connector writes (AD-shaped user, disabled), one add each.
    const clients = await ldapClients(CONCURRENCY, () => peer.connect());
    const names = Array.from({ length: accounts }, (_, index) => `r${String(index).padStart(6, "0")}`);
    const rawSeconds = await timedLanes(names, CONCURRENCY, async (name, lane) => {
      await clients[lane]!.add(`cn=Bench ${name},${rawOu}`, {
        objectClass: ["top", "person", "organizationalPerson", "user", "extensibleObject"],
        cn: `Bench ${name}`,
        sn: name,
        sAMAccountName: name,
        employeeID: name,
        userAccountControl: "514",
        ...adShapedRequired(peer.baseDn),
      });
    });
    await Promise.all(clients.map((client) => client.unbind()));
    const product = await productRun(owner, app, jobs, secretsKey, {
      label: "slapd",
      accounts,
      connectorType: "ldap",
      settings: {
        directoryKind: "active-directory",
        url: peer.url,
        bindDn: peer.bindDn,
        baseDn: productOu,
        objectClasses: ["top", "person", "organizationalPerson", "user", "extensibleObject"],
        fixedAttributes: adShapedRequired(peer.baseDn),
        referenceAttribute: "entryUUID",
      },
      secrets: { password: peer.password },
      passwordPolicy: { generate: false },
      fieldMapping: [
        { attribute: "cn", kind: "field", field: "DisplayName", actions: ["create"], notify: false, store: true },
        { attribute: "sn", kind: "field", field: "Name.FamilyName", actions: ["create", "update"], notify: false, store: true },
        { attribute: "employeeID", kind: "field", field: "ExternalId", actions: ["create"], notify: false, store: true },
        { attribute: "sAMAccountName", kind: "field", field: "ExternalId", actions: ["create"], notify: false, store: true, unique: { maxFallbacks: 9 } },
      ],
    }, monitor);
    return figures("OpenLDAP (slapd, AD-shaped, fsync on)", accounts, accounts / rawSeconds, product);
  } finally {
    await peer.stop();
  }
}

async function sambaFigures(owner: Prisma, app: Prisma, jobs: JobProducer, secretsKey: Buffer, monitor: Monitor, accounts: number): Promise<Figures> {
  const samba: SambaPeer = await ensureSamba();
  const rawOu = await newOrganizationalUnit(samba, "bench-raw");
  const productOu = await newOrganizationalUnit(samba, "bench-product");
  const stamp = randomBytes(2).toString("hex");
  // Raw: what a script author would do for the same account: add the user, set the password, enable it.
  const clients = await ldapClients(CONCURRENCY, () => samba.connect());
  const names = Array.from({ length: accounts }, (_, index) => `r${stamp}${index}`);
  const rawSeconds = await timedLanes(names, CONCURRENCY, async (name, lane) => {
    const dn = `CN=Bench ${name},${rawOu}`;
    await clients[lane]!.add(dn, { objectClass: ["top", "person", "organizationalPerson", "user"], sAMAccountName: name, userPrincipalName: `${name}@test.local`, sn: name });
    await clients[lane]!.modify(dn, [
      new Change({ operation: "replace", modification: new Attribute({ type: "unicodePwd", values: [Buffer.from(`"Bench-${randomBytes(6).toString("hex")}!A1"`, "utf16le")] }) }),
      new Change({ operation: "replace", modification: new Attribute({ type: "userAccountControl", values: ["512"] }) }),
    ]);
  });
  await Promise.all(clients.map((client) => client.unbind()));
  const product = await productRun(owner, app, jobs, secretsKey, {
    label: "samba",
    accounts,
    connectorType: "ldap",
    settings: { directoryKind: "active-directory", url: samba.url, tls: { rejectUnauthorized: false }, bindDn: samba.bindDn, baseDn: productOu },
    secrets: { password: samba.password },
    passwordPolicy: { length: 16 },
    fieldMapping: [
      { attribute: "cn", kind: "field", field: "DisplayName", actions: ["create"], notify: false, store: true },
      { attribute: "sn", kind: "field", field: "Name.FamilyName", actions: ["create", "update"], notify: false, store: true },
      { attribute: "sAMAccountName", kind: "field", field: "ExternalId", actions: ["create"], notify: false, store: true, unique: { maxFallbacks: 9 } },
      { attribute: "userPrincipalName", kind: "complex", script: "return `${person.ExternalId}@test.local`;", actions: ["create"], notify: false, store: true },
    ],
  }, monitor);
  return figures("Samba AD (LDAPS, with passwords)", accounts, accounts / rawSeconds, product);
}

async function scimFigures(owner: Prisma, app: Prisma, jobs: JobProducer, secretsKey: Buffer, monitor: Monitor, accounts: number): Promise<Figures> {
  const scim = await startScimServer();
  try {
    const names = Array.from({ length: accounts }, (_, index) => `raw${index}@bench.example`);
    const rawSeconds = await timedLanes(names, CONCURRENCY, async (userName) => {
      const response = await fetch(`${scim.url}/Users`, {
        method: "POST",
        headers: { authorization: `Bearer ${scim.token}`, "content-type": "application/scim+json" },
        body: JSON.stringify({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName, name: { familyName: userName }, active: false }),
      });
      if (response.status !== 201) throw new Error(`raw SCIM create answered ${response.status}: ${await response.text()}`);
    });
    const product = await productRun(owner, app, jobs, secretsKey, {
      label: "scim",
      accounts,
      connectorType: "scim",
      settings: { baseUrl: scim.url, auth: { type: "bearer" } },
      secrets: { "auth.token": scim.token },
      fieldMapping: [
        { attribute: "userName", kind: "complex", script: "return `${person.ExternalId}@bench.example`;", actions: ["create"], notify: false, store: true },
        { attribute: "name.familyName", kind: "field", field: "Name.FamilyName", actions: ["create", "update"], notify: false, store: true },
      ],
    }, monitor);
    return figures("SCIM (scimmy)", accounts, accounts / rawSeconds, product);
  } finally {
    await scim.stop();
  }
}

function figures(peer: string, accounts: number, rawPerSecond: number, product: Awaited<ReturnType<typeof productRun>>): Figures {
  if (product.failed > 0) console.error(`  ${peer}: ${product.failed} of ${accounts} creates did not succeed: ${JSON.stringify(product.states)}`);
  return { peer, accounts, rawPerSecond, productPerSecond: product.perSecond, ratio: product.perSecond / rawPerSecond, peakRssMb: product.peakRssMb, failed: product.failed };
}

/* ---------------------------------------------------------------- main */

async function main() {
  process.env.CONNECTOR_PRIVATE_NETWORKS ??= "allow";
  console.log(`Target benchmark on ${cpus().length} cores, ${Math.round(megabytes(totalmem()) / 1024)} GiB, load ${loadavg().map((value) => value.toFixed(2)).join(" ")}; ${CONCURRENCY} connections per system`);
  await dropStaleBenchDatabases(DB_PREFIX);
  const database = await createBenchDatabase(`${DB_PREFIX}p${process.pid}_${Date.now().toString(36)}`);
  const owner = createPrismaClient(database.ownerUrl);
  const app = createPrismaClient(database.appUrl);
  const redis = createRedisConnection(resolveQueueConfig().redisUrl);
  const prefix = `bench-targets-${randomUUID().slice(0, 8)}`;
  const jobs = new JobProducer(redis, { ...resolveQueueConfig(), prefix });
  const secretsKey = resolveSecretsKey({});
  const monitor = new Monitor();
  const results: Figures[] = [];
  try {
    const runs: Array<[string, number, typeof slapdFigures]> = [
      ["slapd", Number(args.slapd), slapdFigures],
      ["samba", Number(args.samba), sambaFigures],
      ["scim", Number(args.scim), scimFigures],
    ];
    for (const [name, accounts, run] of runs) {
      if (accounts <= 0) continue;
      process.stdout.write(`${name}: ${accounts} accounts ... `);
      const result = await run(owner, app, jobs, secretsKey, monitor, accounts);
      results.push(result);
      console.log(`raw ${result.rawPerSecond.toFixed(0)}/s, product ${result.productPerSecond.toFixed(0)}/s (${(result.ratio * 100).toFixed(0)}%)`);
    }
  } finally {
    await monitor.stop();
    await jobs.queue("enforce").obliterate({ force: true }).catch(() => undefined);
    await jobs.close();
    redis.disconnect();
    await Promise.all([owner.$disconnect(), app.$disconnect()]);
    await database.drop();
  }
  console.log("\n| peer | accounts | raw creates/s | product creates/s | product / raw | goal >= 80% | peak RSS |");
  console.log("| --- | ---: | ---: | ---: | ---: | --- | ---: |");
  for (const result of results) {
    console.log(`| ${result.peer} | ${result.accounts} | ${result.rawPerSecond.toFixed(0)} | ${result.productPerSecond.toFixed(0)} | ${(result.ratio * 100).toFixed(0)}% | ${result.ratio >= 0.8 ? "met" : "NOT met"} | ${result.peakRssMb.toFixed(0)} MB |`);
  }
  if (args.json) await writeFile(args.json, JSON.stringify({ at: new Date().toISOString(), concurrency: CONCURRENCY, results }, null, 2));
}

await main();
process.exit(0);
