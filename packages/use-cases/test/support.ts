// A real database (a clone of the migrated template) and a real Redis for the use cases: rows are
// seeded through the owner connection, the use cases run as the application role under RLS.
import { randomUUID } from "node:crypto";
import { asTenantId, createPrismaClient, type Prisma, type TenantId } from "@idlife/db";
import { createTestDatabase, type TestDatabase } from "@idlife/db/testing";
import { createRedisConnection, JobProducer, resolveQueueConfig, type QueueName } from "@idlife/jobs";
import { afterAll, beforeAll, expect } from "vitest";
import { tenantScope, UseCaseError, type TenantScope } from "../src/index.ts";

export interface UseCaseTestContext {
  owner: Prisma;
  app: Prisma;
  jobs: JobProducer;
  waitingJobs(queue: QueueName): Promise<unknown[]>;
  newTenant(): Promise<{ tenantId: TenantId; db: TenantScope }>;
  close(): Promise<void>;
}

export async function startUseCaseTest(): Promise<UseCaseTestContext> {
  const database: TestDatabase = await createTestDatabase();
  const owner = createPrismaClient(database.ownerUrl);
  const app = createPrismaClient(database.appUrl);
  const config = { ...resolveQueueConfig(), prefix: `test-use-cases-${randomUUID()}` };
  const redis = createRedisConnection(config.redisUrl);
  const jobs = new JobProducer(redis, config);
  return {
    owner,
    app,
    jobs,
    waitingJobs: async (queue) => (await jobs.queue(queue).getJobs(["waiting", "delayed", "prioritized"])).map((job) => job.data),
    async newTenant() {
      const tenant = await owner.tenant.create({ data: { name: "Test tenant", slug: `t-${randomUUID()}` } });
      const tenantId = asTenantId(tenant.id);
      return { tenantId, db: tenantScope(app, tenantId) };
    },
    async close() {
      for (const queue of ["import", "snapshot"] as const) await jobs.queue(queue).obliterate({ force: true });
      await jobs.close();
      redis.disconnect();
      await Promise.all([owner.$disconnect(), app.$disconnect()]);
      await database.drop();
    },
  };
}

/**
 * The context for the tests of one file, filled in before them and closed after them. Read its
 * members inside tests and hooks, not at module level.
 */
export function useUseCaseTest(): UseCaseTestContext {
  const context = {} as UseCaseTestContext;
  beforeAll(async () => {
    Object.assign(context, await startUseCaseTest());
  });
  afterAll(async () => {
    await context.close?.();
  });
  return context;
}

/** A person with one source record of the given source system, as a snapshot would leave it. */
export async function seedPerson(owner: Prisma, tenantId: TenantId, sourceSystemId: string, externalId: string) {
  const person = await owner.person.create({ data: { tenantId, externalId, displayName: `Person ${externalId}`, status: "active", data: {}, searchText: externalId } });
  await owner.personSource.create({ data: { tenantId, personId: person.id, sourceSystemId, externalId, blockedReasons: [] } });
  return person;
}

/** A CSV source whose persons file is downloaded by the import, so it needs no upload to start. */
export async function seedSource(owner: Prisma, tenantId: TenantId, extra: { schedule?: object } = {}) {
  return owner.sourceSystem.create({
    data: { tenantId, name: `HR ${randomUUID().slice(0, 8)}`, connectorType: "csv", settings: { persons: { url: "https://hr.example.org/persons.csv" } }, ...extra },
  });
}

/** The UseCaseError a use case refused with; the test fails if it did not refuse. */
export const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a refusal"),
    (error: unknown) => {
      expect(error).toBeInstanceOf(UseCaseError);
      return error as UseCaseError;
    },
  );
