// The engine against a real database (a clone of the migrated template), a real Redis and real
// directories: rows are seeded through the owner connection, the engine runs as the application
// role under row-level security. Target systems are rows here (swap for t-api's createTargetSystem
// once merged); persons are rows shaped as a snapshot leaves them.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { asTenantId, createPrismaClient, encryptSecrets, resolveSecretsKey, type Prisma, type TenantId } from "@idlife/db";
import { createTestDatabase, type TestDatabase } from "@idlife/db/testing";
import { createRedisConnection, JobProducer, resolveQueueConfig } from "@idlife/jobs";
import { slapdDirectorySettings, type SlapdPeer } from "@idlife/testing/peers";
import { tenantScope, type TenantScope } from "@idlife/use-cases";
import { withClient } from "../../../../packages/connectors/test/targets/ldap-test-directory.ts";
import { runTargetActions, type RunTargetActionsDeps } from "../../src/targets/run-target-actions.ts";

export interface EngineTest {
  database: TestDatabase;
  owner: Prisma;
  app: Prisma;
  jobs: JobProducer;
  secretsKey: Buffer;
  queuePrefix: string;
  newTenant(): Promise<{ tenantId: TenantId; db: TenantScope }>;
}

export function useEngineTest(): EngineTest {
  const test = {} as EngineTest & { redis: ReturnType<typeof createRedisConnection> };
  beforeAll(async () => {
    test.database = await createTestDatabase();
    test.owner = createPrismaClient(test.database.ownerUrl);
    test.app = createPrismaClient(test.database.appUrl);
    test.queuePrefix = `test-targets-${randomUUID()}`;
    test.redis = createRedisConnection(resolveQueueConfig().redisUrl);
    test.jobs = new JobProducer(test.redis, { ...resolveQueueConfig(), prefix: test.queuePrefix });
    test.secretsKey = resolveSecretsKey({});
    test.newTenant = async () => {
      const tenant = await test.owner.tenant.create({ data: { name: "Engine test", slug: `t-${randomUUID()}` } });
      return { tenantId: asTenantId(tenant.id), db: tenantScope(test.app, asTenantId(tenant.id)) };
    };
  }, 60_000);
  afterAll(async () => {
    await test.jobs?.queue("enforce").obliterate({ force: true }).catch(() => undefined);
    await test.jobs?.close();
    test.redis?.disconnect();
    await Promise.all([test.owner?.$disconnect(), test.app?.$disconnect()]);
    await test.database?.drop();
  });
  return test;
}

export interface PersonSeed {
  externalId: string;
  givenName: string;
  familyName: string;
  department?: string;
}

/** A person as a snapshot leaves it: the person model with one contract as the primary. */
export async function seedPerson(owner: Prisma, tenantId: string, seed: PersonSeed) {
  const contract = { ExternalId: `${seed.externalId}-1`, Department: { ExternalId: seed.department ?? "SALES", DisplayName: seed.department ?? "SALES" }, Title: "Employee" };
  const data = { ExternalId: seed.externalId, DisplayName: `${seed.givenName} ${seed.familyName}`, Name: { GivenName: seed.givenName, FamilyName: seed.familyName }, Contracts: [contract], PrimaryContract: { ExternalId: contract.ExternalId } };
  return owner.person.create({ data: { tenantId, externalId: seed.externalId, displayName: `${seed.givenName} ${seed.familyName}`, status: "active", data, searchText: seed.externalId, primaryContractId: contract.ExternalId } });
}

/** A person's department changes, as the next snapshot would record it. */
export async function moveToDepartment(owner: Prisma, personId: string, department: string) {
  const person = await owner.person.findUniqueOrThrow({ where: { id: personId } });
  const data = person.data as { Contracts: Array<{ Department: { ExternalId: string } }> };
  data.Contracts[0]!.Department = { ExternalId: department };
  await owner.person.update({ where: { id: personId }, data: { data } });
}

export interface SystemSeed {
  name?: string;
  connectorType: string;
  settings: Record<string, unknown>;
  secrets?: Record<string, string>;
  /** contracts' targetFieldMappingSchema entries; actions default to create and update. */
  fieldMapping: Array<{ attribute: string; kind: "fixed" | "field" | "complex" | "none"; actions?: string[]; value?: unknown; field?: string; script?: string; unique?: { maxFallbacks: number; fallbackTemplate?: string }; store?: boolean }>;
  correlation?: { personField: string; attribute: string; mode?: "create" | "correlate-only" } | null;
  container?: Record<string, unknown> | null;
  concurrency?: number;
  ratePerSecond?: number | null;
  passwordPolicy?: { length?: number; generate?: boolean };
}

export async function seedTargetSystem(test: EngineTest, tenantId: string, seed: SystemSeed) {
  const fieldMapping = seed.fieldMapping.map((field) => ({ actions: ["create", "update"], notify: false, store: true, ...field }));
  return test.owner.targetSystem.create({
    data: {
      tenantId,
      name: seed.name ?? `Directory ${randomBytes(3).toString("hex")}`,
      connectorType: seed.connectorType,
      settings: seed.settings as object,
      secrets: seed.secrets ? encryptSecrets(seed.secrets, test.secretsKey) : null,
      fieldMapping: fieldMapping as object[],
      correlation: seed.correlation ? { mode: "create", ...seed.correlation } : undefined,
      container: (seed.container ?? undefined) as object | undefined,
      concurrency: seed.concurrency ?? 4,
      ratePerSecond: seed.ratePerSecond ?? null,
      passwordPolicy: seed.passwordPolicy ?? {},
    },
  });
}

/** Runs the system's work table the way the job does, until nothing is due (the test is the worker). */
export async function runUntilIdle(test: EngineTest, tenantId: string, targetSystemId: string, extra: Partial<RunTargetActionsDeps> = {}) {
  const totals = { claimed: 0, succeeded: 0, failed: 0, retried: 0 };
  for (let round = 0; round < 100; round++) {
    const summary = await runTargetActions({ prisma: test.app, secretsKey: test.secretsKey, jobs: test.jobs, ...extra }, { tenantId, targetSystemId });
    for (const key of ["claimed", "succeeded", "failed", "retried"] as const) totals[key] += summary[key];
    if (summary.claimed === 0) return totals;
  }
  throw new Error("the work table did not become idle");
}

/** AD-shaped settings for Debian's msuser.schema on slapd (as the LDAP connector's tests use them), the bind password as a secret. */
export function adShapedSlapd(peer: SlapdPeer, baseDn: string) {
  return { settings: slapdDirectorySettings(peer, baseDn), secrets: { password: peer.password } };
}

/**
 * An "ldap" target system on the AD-shaped slapd peer with its accounts under `baseDn`; the seed's
 * settings (groupsBaseDn, another url) go on top of the peer's. slapd is reached over ldap:// and
 * the connector sends passwords only over TLS, so none is generated (Samba's test sets them).
 */
export function seedSlapdSystem(test: EngineTest, peer: SlapdPeer, tenantId: string, baseDn: string, seed: Omit<SystemSeed, "connectorType" | "settings" | "secrets"> & { settings?: Record<string, unknown> }) {
  const { settings, secrets } = adShapedSlapd(peer, baseDn);
  return seedTargetSystem(test, tenantId, { connectorType: "ldap", passwordPolicy: { generate: false }, ...seed, settings: { ...settings, ...seed.settings }, secrets });
}

/** Who the tests' account and permission requests are made by. */
export const requestedBy = { kind: "user" as const, userId: "00000000-0000-4000-8000-000000000001" };

/** The test's own view of the directory, past the engine and the connector. */
export const withDirectory = withClient;

/** A fresh tenant and an OU of its own on the slapd peer, which every test of the run shares. */
export async function newTenantWithOu(test: EngineTest, peer: SlapdPeer, name: string) {
  const tenant = await test.newTenant();
  return { ...tenant, base: await organizationalUnit(peer, `${name}-${Date.now()}`) };
}

export async function organizationalUnit(peer: SlapdPeer, name: string, parent = peer.baseDn): Promise<string> {
  const dn = `ou=${name},${parent}`;
  await withDirectory(peer, (client) => client.add(dn, { objectClass: ["top", "organizationalUnit"] }));
  return dn;
}

export async function entriesUnder(peer: SlapdPeer, baseDn: string, filter = "(objectClass=user)") {
  return withDirectory(peer, async (client) => (await client.search(baseDn, { scope: "sub", filter, attributes: ["*"] })).searchEntries);
}
